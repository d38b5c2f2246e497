using System.Net;
using System.Threading.RateLimiting;
using Tessera.Core.Errors;
using Tessera.Core.Resilience;
using Tessera.Core.Tests.TestSupport;

namespace Tessera.Core.Tests.Resilience;

public class RateLimitingHandlerTests
{
    [Fact]
    public async Task Requests_over_the_limit_wait_in_the_queue()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 10 });
        var release = new TaskCompletionSource();
        var stub = new StubHandler(async (_, attempt, _) =>
        {
            if (attempt == 0)
            {
                await release.Task;
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = TestPipeline.Create(stub, new RateLimitingHandler(limiter));

        var first = client.GetAsync("a");
        await WaitUntil(() => stub.Count == 1);
        var second = client.GetAsync("b");
        await WaitUntil(() => limiter.GetStatistics()!.CurrentQueuedCount == 1);
        stub.Count.ShouldBe(1);

        release.SetResult();

        (await first).Dispose();
        (await second).Dispose();
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Requests_inside_a_scope_are_charged_to_its_budget_not_to_the_shared_limit()
    {
        using var shared = ClientRateLimiters.PerMinute(1, queueLimit: 0);
        using var budget = ClientRateLimiters.PerMinute(2, queueLimit: 0);
        var stub = StubHandler.Always(HttpStatusCode.OK);
        using var client = TestPipeline.Create(stub, new RateLimitingHandler(shared));

        using (RateLimitScope.Use(budget))
        {
            (await client.GetAsync("ipn-1")).Dispose();
            (await client.GetAsync("ipn-2")).Dispose();
            await Should.ThrowAsync<RateLimitExceededException>(client.GetAsync("ipn-3"));
        }

        (await client.GetAsync("own-call")).Dispose();
        stub.Count.ShouldBe(3, "the scoped budget is spent, the shared one still had its permit");
        RateLimitScope.Current.ShouldBeNull();
    }

    [Fact]
    public async Task A_scoped_budget_applies_even_without_a_shared_limit()
    {
        using var budget = ClientRateLimiters.PerMinute(1, queueLimit: 0);
        var stub = StubHandler.Always(HttpStatusCode.OK);
        using var client = TestPipeline.Create(stub, new RateLimitingHandler(null));

        using (RateLimitScope.Use(budget))
        {
            (await client.GetAsync("a")).Dispose();
            await Should.ThrowAsync<RateLimitExceededException>(client.GetAsync("b"));
        }

        (await client.GetAsync("c")).Dispose();
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_default_queue_holds_one_minute_of_requests_and_no_more()
    {
        using var limiter = ClientRateLimiters.PerMinute(3);
        var leases = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire()).ToList();
        var queued = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync().AsTask()).ToList();

        var overflow = limiter.AcquireAsync().AsTask();

        overflow.IsCompletedSuccessfully.ShouldBeTrue();
        (await overflow).IsAcquired.ShouldBeFalse("a fourth waiter is refused at once, not queued without bound");
        queued.ShouldAllBe(t => !t.IsCompleted);
        leases.ShouldAllBe(l => l.IsAcquired);
        foreach (var lease in leases)
        {
            lease.Dispose();
        }
    }

    [Fact]
    public async Task A_queued_request_honours_cancellation()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 10 });
        var release = new TaskCompletionSource();
        var stub = new StubHandler(async (_, _, _) =>
        {
            await release.Task;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = TestPipeline.Create(stub, new RateLimitingHandler(limiter));
        using var cts = new CancellationTokenSource();

        var first = client.GetAsync("a");
        await WaitUntil(() => stub.Count == 1);
        var queued = client.GetAsync("b", cts.Token);
        await WaitUntil(() => limiter.GetStatistics()!.CurrentQueuedCount == 1);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(queued);
        release.SetResult();
        (await first).Dispose();
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_rejected_lease_throws_with_the_suggested_wait()
    {
        using var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = 1,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        });
        var stub = StubHandler.Always(HttpStatusCode.OK);
        using var client = TestPipeline.Create(stub, new RateLimitingHandler(limiter));

        (await client.GetAsync("a")).Dispose();
        var ex = await Should.ThrowAsync<RateLimitExceededException>(client.GetAsync("b"));

        ex.RetryAfter.ShouldNotBeNull();
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PerMinute_allows_the_configured_number_of_requests()
    {
        using var limiter = ClientRateLimiters.PerMinute(2, queueLimit: 0);

        using var first = await limiter.AcquireAsync();
        using var second = await limiter.AcquireAsync();
        using var third = await limiter.AcquireAsync();

        first.IsAcquired.ShouldBeTrue();
        second.IsAcquired.ShouldBeTrue();
        third.IsAcquired.ShouldBeFalse();
        ClientRateLimiters.Pax8RequestsPerMinute.ShouldBe(1000);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "condition not reached");
            await Task.Delay(1);
        }
    }
}
