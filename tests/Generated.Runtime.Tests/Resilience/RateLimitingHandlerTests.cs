using System.Net;
using System.Threading.RateLimiting;
using Generated.Runtime.Resilience;
using Generated.Runtime.Tests.TestSupport;

namespace Generated.Runtime.Tests.Resilience;

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
        using var client = Pipeline.Create(stub, new RateLimitingHandler(limiter));

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
    public async Task A_queued_request_honours_cancellation()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 10 });
        var release = new TaskCompletionSource();
        var stub = new StubHandler(async (_, _, _) =>
        {
            await release.Task;
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Pipeline.Create(stub, new RateLimitingHandler(limiter));
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
        using var client = Pipeline.Create(stub, new RateLimitingHandler(limiter));

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
