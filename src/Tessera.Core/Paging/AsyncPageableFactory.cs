namespace Tessera.Core.Paging;

/// <summary>
/// Creates pageables over generated list operations. The first request leaves the page number
/// unset, so the server decides where numbering starts (Pax8 at 0, SmartPay at 1); every next
/// request asks for the page after the one the server reported.
/// </summary>
public static class AsyncPageable
{
    /// <summary>Creates a pageable from a list operation and a mapping of its response to a <see cref="Page{T}"/>.</summary>
    /// <typeparam name="TResponse">The operation's response envelope.</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Calls the operation for a page number (<see langword="null"/> for the first page).</param>
    /// <param name="toPage">Reads the items and paging state out of a response.</param>
    /// <param name="cancellationToken">Cancels the enumeration (combined with the enumerator's token).</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> Create<TResponse, T>(
        Func<int?, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, Page<T>> toPage,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(toPage);
        return new ResponsePageable<TResponse, T>(fetchPage, toPage, cancellationToken);
    }

    /// <summary>A pageable over a function that fetches one page (<see langword="null"/> asks for the first).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="fetchPage">Fetches the page with the given number.</param>
    /// <param name="cancellationToken">Cancels every fetch.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> Create<T>(Func<int?, CancellationToken, Task<Page<T>>> fetchPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        return new ResponsePageable<Page<T>, T>(fetchPage, static page => page, cancellationToken);
    }
}
