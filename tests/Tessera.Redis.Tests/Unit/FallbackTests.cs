using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tessera.Core.Auth;
using Tessera.Core.Clients;
using Tessera.Redis.Tests.Infrastructure;

namespace Tessera.Redis.Tests.Unit;

/// <summary>
/// Redis unreachable from the start, or gone mid-run: budgets fall back to the instance's share without failing or
/// waiting for Redis, tokens are acquired locally, the outage is logged once, and sharing resumes when Redis is back.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class FallbackTests
{
    [Fact(Timeout = 30_000)]
    public async Task Without_Redis_the_budget_is_this_instances_share_and_nothing_fails()
    {
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var state = new RedisSharedState(Options($"127.0.0.1:{RedisServer.FreePort()}", expectedInstances: 4), loggerFactory);
        using var limiter = state.CreateRateLimiter(Context(requestsPerMinute: 20));

        // 20 / 4 instances = 5 permits at once, the sixth waits (it is not rejected).
        for (var i = 0; i < 5; i++)
        {
            using var lease = await limiter.AcquireAsync(1).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            lease.IsAcquired.ShouldBeTrue();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Should.ThrowAsync<OperationCanceledException>(async () => await limiter.AcquireAsync(1, wait.Token));
        limiter.AttemptAcquire(1).IsAcquired.ShouldBeFalse();

        // The first connect attempt may still be running (connectTimeout): the outage is known once it failed.
        await WaitUntilAsync(() =>
        {
            using var lease = limiter.AttemptAcquire(1);
            return state.IsDegraded;
        });
        logs.Collector.GetSnapshot().Count(record => record.Level == LogLevel.Warning).ShouldBe(1, "the outage is reported once");
    }

    [Fact(Timeout = 30_000)]
    public async Task Without_Redis_every_process_acquires_its_own_token_and_none_fails()
    {
        using var state = new RedisSharedState(Options($"127.0.0.1:{RedisServer.FreePort()}", expectedInstances: 2));
        var acquisitions = 0;
        var providers = Enumerable.Range(0, 3).Select(_ => Provider(state, () => Interlocked.Increment(ref acquisitions))).ToList();

        var tokens = await Task.WhenAll(providers.Select(provider => provider.GetTokenAsync().AsTask()));

        tokens.ShouldAllBe(token => token.Value.StartsWith("token-", StringComparison.Ordinal));
        acquisitions.ShouldBe(3, "no shared cache and no lock: one acquisition per process, none failed");
    }

    [RedisFact(Timeout = 60_000)]
    public async Task A_budget_falls_back_when_Redis_dies_and_shares_again_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var state = new RedisSharedState(Options(redis.Configuration, expectedInstances: 2), loggerFactory);
        // Room to spare in the share: after a restart that lost the window, a grant also needs room in the local share.
        var limiter = (RedisRateLimiter)state.CreateRateLimiter(Context(requestsPerMinute: 1000));
        await WaitUntilAsync(() => state.IsConnected);
        await WaitUntilAsync(() => Acquired(limiter) && !limiter.LastGrantWasLocal && !state.IsDegraded);

        await redis.StopAsync();
        await WaitUntilAsync(() => Acquired(limiter) && limiter.LastGrantWasLocal || limiter.GetStatistics()!.CurrentAvailablePermits == 0);
        state.IsDegraded.ShouldBeTrue();

        await redis.StartAgainAsync();
        await WaitUntilAsync(() => Acquired(limiter) && !limiter.LastGrantWasLocal);
        state.IsDegraded.ShouldBeFalse();
        var records = logs.Collector.GetSnapshot();
        // Each outage is reported once; a restart can show as two (the connection drops again while it settles), never one per call.
        records.Count(record => record.Level == LogLevel.Warning).ShouldBeInRange(1, 2);
        records.Count(record => record.Level == LogLevel.Information && record.Message.Contains("reachable again", StringComparison.Ordinal)).ShouldBeInRange(1, 2);
    }

    private static bool Acquired(RateLimiter limiter)
    {
        using var lease = limiter.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the condition never held");
            await Task.Delay(50);
        }
    }

    internal static RedisSharedStateOptions Options(string configuration, int expectedInstances) => new()
    {
        Configuration = configuration + ",connectTimeout=500",
        ExpectedInstances = expectedInstances,
        OperationTimeout = TimeSpan.FromMilliseconds(500),
        RetryInterval = TimeSpan.FromMilliseconds(100),
        TokenLockTimeout = TimeSpan.FromSeconds(5),
    };

    internal static SharedClientStateContext Context(int requestsPerMinute = 60, byte[]? key = null) =>
        new("Pax8", "partition-" + Guid.NewGuid().ToString("N"), requestsPerMinute, key, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    internal static CachingTokenProvider Provider(ISharedClientState state, Func<int> onAcquire, byte[]? key = null, TimeSpan? fetchTime = null)
    {
        var context = Context(key: key);
        return new CachingTokenProvider(
            async _ =>
            {
                var n = onAcquire();
                await Task.Delay(fetchTime ?? TimeSpan.FromMilliseconds(50));
                return new AccessToken($"token-{n}", DateTimeOffset.UtcNow.AddMinutes(30));
            },
            state.CreateTokenCache(context),
            "pax8|test|client",
            new TokenProviderOptions { AcquisitionLock = state.CreateTokenLock(context) });
    }
}
