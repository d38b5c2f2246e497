using System.Runtime.CompilerServices;

namespace Tessera.Core.Paging;

/// <summary>
/// A paged API result enumerated item by item, fetching pages lazily so that only one page is held at a time.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// Enumeration stops after a page that reports no further pages or contains no items. Use
/// <see cref="AsPages"/> to see page metadata such as totals.
/// </remarks>
public class AsyncPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<int, CancellationToken, Task<Page<T>>>? _fetchPage;
    private readonly int _firstPageNumber;

    /// <summary>Creates a pageable that fetches pages on demand.</summary>
    /// <param name="fetchPage">Fetches the page with the given number.</param>
    /// <param name="firstPageNumber">The number of the first page (0 or 1, depending on the API).</param>
    public AsyncPageable(Func<int, CancellationToken, Task<Page<T>>> fetchPage, int firstPageNumber)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        _fetchPage = fetchPage;
        _firstPageNumber = firstPageNumber;
    }

    /// <summary>For test doubles that override <see cref="AsPages"/>.</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>Creates a pageable over fixed pages, for tests and mocks.</summary>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>A pageable yielding the pages' items.</returns>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticAsyncPageable(pages.ToList());
    }

    /// <summary>Enumerates whole pages.</summary>
    /// <param name="startPage">The page to start from; defaults to the first page.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The pages, fetched one at a time.</returns>
    public virtual IAsyncEnumerable<Page<T>> AsPages(int? startPage = null, CancellationToken cancellationToken = default)
    {
        if (_fetchPage is null)
        {
            throw new InvalidOperationException("A derived AsyncPageable must override AsPages.");
        }

        return FetchPagesAsync(_fetchPage, startPage ?? _firstPageNumber, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<Page<T>> FetchPagesAsync(
        Func<int, CancellationToken, Task<Page<T>>> fetchPage,
        int pageNumber,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(pageNumber, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Fetching page {pageNumber} returned null.");
            yield return page;

            // An empty page ends the sequence even if the API claims more, so a misreporting API cannot loop forever.
            if (!page.HasMore || page.Items.Count == 0)
            {
                yield break;
            }

            pageNumber++;
        }
    }

    private sealed class StaticAsyncPageable : AsyncPageable<T>
    {
        private readonly List<Page<T>> _pages;

        public StaticAsyncPageable(List<Page<T>> pages) => _pages = pages;

        public override IAsyncEnumerable<Page<T>> AsPages(int? startPage = null, CancellationToken cancellationToken = default) =>
            YieldPagesAsync(startPage, cancellationToken);

        private async IAsyncEnumerable<Page<T>> YieldPagesAsync(int? startPage, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            foreach (var page in _pages)
            {
                if (startPage is { } start && page.PageNumber < start)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return page;
            }
        }
    }
}
