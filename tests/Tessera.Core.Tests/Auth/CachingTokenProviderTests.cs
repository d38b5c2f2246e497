using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.Auth;

public class CachingTokenProviderTests
{
    private const string Key = "pax8|sandbox|client-1";
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private int _acquisitions;

    private Func<CancellationToken, Task<AccessToken>> Acquire(TimeSpan lifetime) => _ =>
    {
        var n = Interlocked.Increment(ref _acquisitions);
        return Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow() + lifetime));
    };

    private CachingTokenProvider CreateProvider(
        Func<CancellationToken, Task<AccessToken>>? acquire = null,
        ITokenCache? cache = null,
        TimeSpan? refreshMargin = null) =>
        new(
            acquire ?? Acquire(TimeSpan.FromHours(1)),
            cache ?? new MemoryTokenCache(),
            Key,
            new TokenProviderOptions { TimeProvider = _time, RefreshMargin = refreshMargin ?? TimeSpan.FromMinutes(5) });

    [Fact]
    public async Task Fifty_concurrent_callers_share_one_acquisition()
    {
        var gate = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = CreateProvider(_ =>
        {
            Interlocked.Increment(ref _acquisitions);
            return gate.Task;
        });

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => provider.GetTokenAsync().AsTask())).ToArray();
        await WaitUntil(() => Volatile.Read(ref _acquisitions) > 0);
        callers.ShouldAllBe(c => !c.IsCompleted);

        var token = new AccessToken("shared", _time.GetUtcNow().AddHours(1));
        gate.SetResult(token);
        var results = await Task.WhenAll(callers);

        _acquisitions.ShouldBe(1);
        results.ShouldAllBe(t => t == token);
    }

    [Fact]
    public async Task Cached_token_is_reused_until_it_nears_expiry()
    {
        var provider = CreateProvider();

        var first = await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromMinutes(54));
        (await provider.GetTokenAsync()).ShouldBe(first);
        _acquisitions.ShouldBe(1);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var second = await provider.GetTokenAsync();

        second.Value.ShouldBe("token-2");
        _acquisitions.ShouldBe(2);
    }

    [Fact]
    public async Task Refresh_margin_is_capped_at_a_tenth_of_the_token_lifetime()
    {
        // A 10-minute token with the default 5-minute margin would be refreshed after 5 minutes; the cap makes it 9.
        var provider = CreateProvider(Acquire(TimeSpan.FromMinutes(10)));

        await provider.GetTokenAsync();
        _time.Advance(TimeSpan.FromMinutes(8));
        await provider.GetTokenAsync();
        _acquisitions.ShouldBe(1);

        _time.Advance(TimeSpan.FromMinutes(1));
        await provider.GetTokenAsync();
        _acquisitions.ShouldBe(2);
    }

    [Theory]
    [InlineData(60, 300, 300)]
    [InlineData(10, 300, 60)]
    [InlineData(0.1, 300, 1)]
    [InlineData(60, 0, 1)]
    public void Effective_margin_is_min_of_option_and_tenth_of_lifetime_and_at_least_a_second(
        double lifetimeMinutes, int refreshMarginSeconds, int expectedSeconds)
    {
        var options = new TokenProviderOptions { RefreshMargin = TimeSpan.FromSeconds(refreshMarginSeconds) };
        var now = DateTimeOffset.UnixEpoch;

        options.GetEffectiveMargin(new AccessToken("t", now.AddMinutes(lifetimeMinutes)), now)
            .ShouldBe(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public async Task A_cancelled_caller_stops_waiting_without_cancelling_the_shared_acquisition()
    {
        var gate = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken acquisitionToken = default;
        var provider = CreateProvider(ct =>
        {
            acquisitionToken = ct;
            Interlocked.Increment(ref _acquisitions);
            return gate.Task;
        });
        using var cts = new CancellationTokenSource();

        var cancelled = provider.GetTokenAsync(cts.Token).AsTask();
        var patient = provider.GetTokenAsync().AsTask();
        await WaitUntil(() => Volatile.Read(ref _acquisitions) > 0);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
        patient.IsCompleted.ShouldBeFalse();
        acquisitionToken.IsCancellationRequested.ShouldBeFalse();

        var token = new AccessToken("late", _time.GetUtcNow().AddHours(1));
        gate.SetResult(token);
        (await patient).ShouldBe(token);
        _acquisitions.ShouldBe(1);
    }

    [Fact]
    public async Task A_token_that_arrives_already_expired_is_not_replaced_on_every_call()
    {
        // A vendor clock far behind ours: every token it issues is "expired" by the local clock.
        var provider = CreateProvider(_ =>
        {
            var n = Interlocked.Increment(ref _acquisitions);
            return Task.FromResult(new AccessToken($"token-{n}", _time.GetUtcNow().AddHours(-3)));
        });

        for (var call = 0; call < 50; call++)
        {
            (await provider.GetTokenAsync()).Value.ShouldBe("token-1");
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        _acquisitions.ShouldBe(1);
    }

    [Fact]
    public async Task Clock_skew_is_logged_once_for_any_number_of_acquisitions()
    {
        var logs = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        var provider = new CachingTokenProvider(
            _ => Task.FromResult(new TokenGrant("skewed-" + Interlocked.Increment(ref _acquisitions), TimeSpan.FromMinutes(10), _time.GetUtcNow().AddDays(-1))),
            new EmptyTokenCache(),
            Key,
            new TokenProviderOptions { TimeProvider = _time, Logger = logs });

        for (var call = 0; call < 5; call++)
        {
            await provider.GetTokenAsync();
            _time.Advance(TimeSpan.FromMinutes(10));
        }

        _acquisitions.ShouldBe(5);
        logs.Collector.GetSnapshot().Count(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning).ShouldBe(1);
        logs.Collector.LatestRecord.Message.ShouldContain("pax8");
        logs.Collector.LatestRecord.Message.ShouldNotContain("client-1", Case.Sensitive, "the cache key beyond the API name identifies a credential");
        logs.Collector.LatestRecord.Message.ShouldNotContain("skewed-");
    }

    [Fact]
    public async Task A_failed_acquisition_is_not_cached_and_the_next_call_retries()
    {
        var fail = true;
        var provider = CreateProvider(_ =>
        {
            Interlocked.Increment(ref _acquisitions);
            return fail
                ? Task.FromException<AccessToken>(new InvalidOperationException("authorization server down"))
                : Task.FromResult(new AccessToken("recovered", _time.GetUtcNow().AddHours(1)));
        });

        await Should.ThrowAsync<InvalidOperationException>(provider.GetTokenAsync().AsTask());
        fail = false;

        (await provider.GetTokenAsync()).Value.ShouldBe("recovered");
        _acquisitions.ShouldBe(2);
    }

    [Fact]
    public async Task A_token_in_the_shared_cache_is_used_without_acquiring()
    {
        var cache = new MemoryTokenCache();
        var stored = new AccessToken("from-other-process", _time.GetUtcNow().AddHours(1));
        await cache.SetAsync(Key, stored);

        (await CreateProvider(cache: cache).GetTokenAsync()).ShouldBe(stored);
        _acquisitions.ShouldBe(0);
    }

    [Fact]
    public async Task Every_token_handed_out_is_registered_for_redaction_wherever_it_came_from()
    {
        var cache = new MemoryTokenCache();
        var fromCache = "cached-by-another-process-" + Guid.NewGuid().ToString("N");
        await cache.SetAsync(Key, new AccessToken(fromCache, _time.GetUtcNow().AddHours(1)));
        var redactor = new Tessera.Core.Diagnostics.SecretRedactor();
        var provider = new CachingTokenProvider(Acquire(TimeSpan.FromHours(1)), cache, Key, new TokenProviderOptions { TimeProvider = _time, Redactor = redactor });

        (await provider.GetTokenAsync()).Value.ShouldBe(fromCache);
        redactor.Redact("echo " + fromCache).ShouldBe("echo ***", "a token read from the cache is redacted too");

        _time.Advance(TimeSpan.FromHours(2));
        var fresh = await provider.GetTokenAsync();
        redactor.Redact("echo " + fresh.Value).ShouldBe("echo ***");
        Tessera.Core.Diagnostics.SecretRedactor.Shared.Redact(fromCache).ShouldBe("***");
    }

    [Fact]
    public async Task Ten_thousand_issued_tokens_leave_only_the_live_ones_registered_for_redaction()
    {
        var redactor = new Tessera.Core.Diagnostics.SecretRedactor(_time);
        var provider = new CachingTokenProvider(Acquire(TimeSpan.FromHours(1)), new MemoryTokenCache(), Key, new TokenProviderOptions { TimeProvider = _time, Redactor = redactor });

        for (var i = 0; i < 10_000; i++)
        {
            await provider.GetTokenAsync();
            _time.Advance(TimeSpan.FromHours(1));
        }

        _acquisitions.ShouldBe(10_000);
        redactor.SecretCount.ShouldBeLessThanOrEqualTo(2, "the current token and the one still within its grace period");
        Tessera.Core.Diagnostics.SecretRedactor.Shared.SecretCount.ShouldBeLessThanOrEqualTo(Tessera.Core.Diagnostics.SecretRedactor.DefaultCapacity);
    }

    [Fact]
    public async Task An_acquired_token_is_written_to_the_cache()
    {
        var cache = new MemoryTokenCache();

        var token = await CreateProvider(cache: cache).GetTokenAsync();

        (await cache.GetAsync(Key)).ShouldBe(token);
    }

    [Fact]
    public async Task A_nearly_expired_token_in_the_cache_is_not_used()
    {
        var cache = new MemoryTokenCache();
        await cache.SetAsync(Key, new AccessToken("almost-gone", _time.GetUtcNow().AddMilliseconds(500)));

        (await CreateProvider(cache: cache).GetTokenAsync()).Value.ShouldBe("token-1");
    }

    [Fact]
    public async Task A_throwing_cache_does_not_fail_the_call()
    {
        var provider = CreateProvider(cache: new ThrowingTokenCache());

        (await provider.GetTokenAsync()).Value.ShouldBe("token-1");
        (await provider.GetTokenAsync()).Value.ShouldBe("token-1");
        _acquisitions.ShouldBe(1);
    }

    [Fact]
    public async Task Invalidate_drops_the_current_token()
    {
        var provider = CreateProvider();
        var first = await provider.GetTokenAsync();

        await provider.InvalidateAsync(first);

        (await provider.GetTokenAsync()).Value.ShouldBe("token-2");
    }

    [Fact]
    public async Task Invalidate_ignores_a_token_that_is_no_longer_current()
    {
        // No shared cache, so every refresh shows up as an acquisition.
        var provider = CreateProvider(cache: new EmptyTokenCache());
        var first = await provider.GetTokenAsync();
        await provider.InvalidateAsync(first);
        var second = await provider.GetTokenAsync();

        await provider.InvalidateAsync(first);

        (await provider.GetTokenAsync()).ShouldBe(second);
        _acquisitions.ShouldBe(2);
    }

    [Fact]
    public async Task Many_concurrent_invalidations_of_one_token_cause_one_refresh()
    {
        var provider = CreateProvider(cache: new EmptyTokenCache());
        var rejected = await provider.GetTokenAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await provider.InvalidateAsync(rejected);
            return await provider.GetTokenAsync();
        })));

        _acquisitions.ShouldBe(2);
    }

    [Fact]
    public async Task An_invalidated_token_is_not_read_back_from_the_cache()
    {
        var cache = new MemoryTokenCache();
        var provider = CreateProvider(cache: cache);
        var rejected = await provider.GetTokenAsync();

        await provider.InvalidateAsync(rejected);

        (await cache.GetAsync(Key)).ShouldBeNull();
        (await provider.GetTokenAsync()).ShouldNotBe(rejected);
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

    private sealed class EmptyTokenCache : ITokenCache
    {
        public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default) => ValueTask.FromResult<AccessToken?>(null);

        public ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private sealed class ThrowingTokenCache : ITokenCache
    {
        public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default) =>
            throw new IOException("disk on fire");

        public ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("disk on fire"));

        public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
            throw new IOException("disk on fire");
    }
}
