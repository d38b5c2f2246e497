namespace Tessera.Core.Paging;

/// <summary>
/// One page of a paged API result.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items on this page.</param>
    /// <param name="pageNumber">The number of this page, as the API counts pages.</param>
    /// <param name="totalPages">The total number of pages, when the API reports it.</param>
    /// <param name="totalItems">The total number of items, when the API reports it.</param>
    /// <param name="hasMore">Whether another page follows.</param>
    public Page(IReadOnlyList<T> items, int pageNumber, int? totalPages, long? totalItems, bool hasMore)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        PageNumber = pageNumber;
        TotalPages = totalPages;
        TotalItems = totalItems;
        HasMore = hasMore;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The number of this page, as the API counts pages.</summary>
    public int PageNumber { get; }

    /// <summary>The total number of pages, when the API reports it.</summary>
    public int? TotalPages { get; }

    /// <summary>The total number of items, when the API reports it.</summary>
    public long? TotalItems { get; }

    /// <summary>Whether another page follows.</summary>
    public bool HasMore { get; }
}
