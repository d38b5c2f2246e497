using Generated.Runtime.Paging;

namespace Generated.Pax8;

/// <summary>Maps Pax8's paging envelope onto the shared <see cref="Page{T}"/>; the generated <c>…AllAsync</c> methods call it.</summary>
internal static class Pax8PageExtensions
{
    public static Page<TItem> ToPage<TItem>(this IPax8PagedResponse<TItem> response)
    {
        var page = response.Page;
        var items = response.Content is IReadOnlyList<TItem> list ? list : [.. response.Content];

        // Pax8 numbers pages from 0; totalPages counts them from 1.
        return new Page<TItem>(items, page.Number, page.TotalPages, page.TotalElements, page.Number + 1 < page.TotalPages);
    }
}
