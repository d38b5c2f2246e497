namespace Tessera.Core.Paging;

/// <summary>
/// Turns one response of a paged list operation into a <see cref="Page{T}"/> the way its spec's <c>x-paging</c>
/// describes it; the generated <c>…AllAsync</c> methods call it.
/// </summary>
public static class PageMapping
{
    /// <summary>The page, and whether another follows.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items of this page (missing means none).</param>
    /// <param name="reportedNumber">The page number the response states, if any.</param>
    /// <param name="requestedNumber">The page number that was asked for (used when the response states none).</param>
    /// <param name="totalPages">The number of pages the response states, if any.</param>
    /// <param name="totalItems">The number of items over all pages the response states, if any.</param>
    /// <param name="firstPageNumber">The number of the first page (0 for Pax8, 1 for SmartPay).</param>
    /// <param name="fixedPageSize">The API's fixed page size, if it has one: without a page count, a full page means another may follow.</param>
    /// <returns>The page.</returns>
    public static Page<T> ToPage<T>(IEnumerable<T>? items, long? reportedNumber, int requestedNumber, long? totalPages, long? totalItems, int firstPageNumber, int? fixedPageSize)
    {
        IReadOnlyList<T> list = items switch
        {
            null => [],
            IReadOnlyList<T> ready => ready,
            _ => [.. items],
        };
        var number = reportedNumber is { } reported && reported >= firstPageNumber && reported <= int.MaxValue ? (int)reported : requestedNumber;
        int? pages = totalPages is >= 0 and <= int.MaxValue ? (int)totalPages.Value : null;
        var hasMore = pages is { } count
            ? number - firstPageNumber + 1 < count
            : fixedPageSize is { } size && list.Count >= size;
        return new Page<T>(list, number, pages, totalItems, hasMore);
    }
}
