using Generated.Runtime.Paging;

namespace Generated.SmartPay;

/// <summary>
/// SmartPay's paging (A19): 1-based <c>page</c> in the request body, at most 100 results a page, <c>page</c> and
/// <c>total_pages</c> in the response. Loops while <c>page &lt; total_pages</c> and stops on an empty page; when
/// <c>total_pages</c> is missing, a full page (100) means another may follow.
/// </summary>
internal static class SmartPayPaging
{
    public const int PageSize = 100;

    public static AsyncPageable<TItem> Create<TRequest, TResponse, TItem>(
        TRequest? filter,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, IList<TItem>?> items,
        CancellationToken cancellationToken)
        where TRequest : PagedSessionRequest, new()
        where TResponse : ListEnvelope
    {
        var template = filter ?? new TRequest();
        return AsyncPageable.Create<(TResponse Response, int Requested), TItem>(
            async (page, token) =>
            {
                var requested = page ?? template.Page ?? 1;
                var response = await call(template.CopyForPage<TRequest>(requested), token).ConfigureAwait(false);
                return (response, requested);
            },
            fetched => ToPage(fetched.Response, fetched.Requested, items(fetched.Response)),
            cancellationToken);
    }

    internal static Page<TItem> ToPage<TItem>(ListEnvelope response, int requested, IList<TItem>? items)
    {
        IReadOnlyList<TItem> list = items is null ? [] : items as IReadOnlyList<TItem> ?? [.. items];
        var pageNumber = response.Page is > 0 ? response.Page.Value : requested;
        var hasMore = response.TotalPages is { } total ? pageNumber < total : list.Count >= PageSize;
        return new Page<TItem>(list, pageNumber, response.TotalPages, response.NumberOfResults, hasMore);
    }
}
