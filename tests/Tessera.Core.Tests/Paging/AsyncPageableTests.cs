using Tessera.Core.Paging;

namespace Tessera.Core.Tests.Paging;

public class AsyncPageableTests
{
    private readonly List<int> _fetched = [];

    private AsyncPageable<string> ThreePages(int firstPage = 1) => new(
        (number, _) =>
        {
            _fetched.Add(number);
            var index = number - firstPage;
            return Task.FromResult(new Page<string>(
                [$"p{index}-a", $"p{index}-b"], number, totalPages: 3, totalItems: 6, hasMore: index < 2));
        },
        firstPage);

    [Fact]
    public async Task Items_of_every_page_are_yielded_in_order()
    {
        var items = await ThreePages().ToListAsync();

        items.ShouldBe(["p0-a", "p0-b", "p1-a", "p1-b", "p2-a", "p2-b"]);
        _fetched.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Pages_are_fetched_lazily()
    {
        await foreach (var item in ThreePages(firstPage: 0))
        {
            item.ShouldBe("p0-a");
            break;
        }

        _fetched.ShouldBe([0]);
    }

    [Fact]
    public async Task An_empty_page_ends_the_enumeration_even_if_the_api_claims_more()
    {
        var pageable = new AsyncPageable<int>(
            (number, _) =>
            {
                _fetched.Add(number);
                return Task.FromResult(number == 0
                    ? new Page<int>([1, 2], number, null, null, hasMore: true)
                    : new Page<int>([], number, null, null, hasMore: true));
            },
            0);

        (await pageable.ToListAsync()).ShouldBe([1, 2]);
        _fetched.ShouldBe([0, 1]);
    }

    [Fact]
    public async Task AsPages_exposes_page_metadata_and_can_start_later()
    {
        var pages = await ThreePages().AsPages(startPage: 2).ToListAsync();

        pages.Select(p => p.PageNumber).ShouldBe([2, 3]);
        pages[0].TotalItems.ShouldBe(6);
        pages[0].TotalPages.ShouldBe(3);
        pages[^1].HasMore.ShouldBeFalse();
    }

    [Fact]
    public async Task Cancellation_through_WithCancellation_stops_the_enumeration()
    {
        using var cts = new CancellationTokenSource();
        var seen = new List<string>();

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in ThreePages().WithCancellation(cts.Token))
            {
                seen.Add(item);
                await cts.CancelAsync();
            }
        });

        seen.ShouldBe(["p0-a"]);
        _fetched.ShouldBe([1]);
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_page_fetch()
    {
        using var cts = new CancellationTokenSource();
        CancellationToken received = default;
        var pageable = new AsyncPageable<int>(
            (number, ct) =>
            {
                received = ct;
                return Task.FromResult(new Page<int>([1], number, null, null, false));
            },
            0);

        await pageable.AsPages(cancellationToken: cts.Token).ToListAsync();

        received.ShouldBe(cts.Token);
    }

    [Fact]
    public async Task FromPages_builds_a_test_double()
    {
        var pageable = AsyncPageable<int>.FromPages(
        [
            new Page<int>([1, 2], 0, 2, 3, true),
            new Page<int>([3], 1, 2, 3, false),
        ]);

        (await pageable.ToListAsync()).ShouldBe([1, 2, 3]);
        (await pageable.AsPages().CountAsync()).ShouldBe(2);
    }
}
