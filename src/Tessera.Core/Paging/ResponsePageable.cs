using System.Runtime.CompilerServices;

namespace Tessera.Core.Paging;

/// <summary>A pageable that follows the page numbers the server reports.</summary>
internal sealed class ResponsePageable<TResponse, T> : AsyncPageable<T>
{
    private readonly Func<int?, CancellationToken, Task<TResponse>> _fetchPage;
    private readonly Func<TResponse, Page<T>> _toPage;
    private readonly CancellationToken _cancellationToken;

    public ResponsePageable(Func<int?, CancellationToken, Task<TResponse>> fetchPage, Func<TResponse, Page<T>> toPage, CancellationToken cancellationToken)
    {
        _fetchPage = fetchPage;
        _toPage = toPage;
        _cancellationToken = cancellationToken;
    }

    public override IAsyncEnumerable<Page<T>> AsPages(int? startPage = null, CancellationToken cancellationToken = default) =>
        FetchAsync(startPage, cancellationToken);

    private async IAsyncEnumerable<Page<T>> FetchAsync(int? pageNumber, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken);
        var token = linked.Token;
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var response = await _fetchPage(pageNumber, token).ConfigureAwait(false);
            var page = _toPage(response) ?? throw new InvalidOperationException("A page mapping returned null.");
            yield return page;

            // An empty page ends the sequence even if the API claims more, so a misreporting API cannot loop forever.
            if (!page.HasMore || page.Items.Count == 0)
            {
                yield break;
            }

            pageNumber = page.PageNumber + 1;
        }
    }
}
