using System.Security.Cryptography;
using StackExchange.Redis;
using Tessera.Redis.Tests.Infrastructure;

namespace Tessera.Redis.Tests.Unit;

/// <summary>Against a real Redis: the single-flight lock across "processes" (independent providers) and the encrypted entry.</summary>
[Collection(ProcessCollection.Name)]
public sealed class SharedTokenTests
{
    [RedisFact(Timeout = 60_000)]
    public async Task Eight_providers_on_one_Redis_acquire_one_token_between_them()
    {
        await using var redis = await RedisServer.StartAsync();
        var acquisitions = 0;
        var tokens = new List<string>();
        var states = Enumerable.Range(0, 8).Select(_ => new RedisSharedState(FallbackTests.Options(redis.Configuration, expectedInstances: 8))).ToList();
        try
        {
            // Connections open in the background; a provider without one would (correctly) acquire on its own.
            await FallbackTests.WaitUntilAsync(() => states.TrueForAll(state => state.IsConnected));
            var providers = states.Select(state => FallbackTests.Provider(state, () => Interlocked.Increment(ref acquisitions), fetchTime: TimeSpan.FromMilliseconds(300))).ToList();
            var results = await Task.WhenAll(providers.Select(provider => provider.GetTokenAsync().AsTask()));
            tokens.AddRange(results.Select(token => token.Value));
        }
        finally
        {
            states.ForEach(state => state.Dispose());
        }

        acquisitions.ShouldBe(1, "one provider held the lock and acquired; the others waited and read its token");
        tokens.Distinct().ShouldHaveSingleItem();
    }

    [RedisFact(Timeout = 60_000)]
    public async Task A_lock_whose_holder_died_expires_and_the_next_one_acquires()
    {
        await using var redis = await RedisServer.StartAsync();
        using var state = new RedisSharedState(FallbackTests.Options(redis.Configuration, expectedInstances: 2) is var options ? Shorten(options) : null!);
        await FallbackTests.WaitUntilAsync(() => state.IsConnected);
        var tokenLock = state.CreateTokenLock(FallbackTests.Context())!;

        var first = await tokenLock.AcquireAsync("pax8|dead-holder");
        first.ShouldNotBeNull("the first caller gets the lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var second = await tokenLock.AcquireAsync("pax8|dead-holder");

        // The first holder never released: the second gets the lock once it expired (TokenLockTimeout), not before.
        second.ShouldNotBeNull();
        waited.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(500));
        await second.DisposeAsync();
        (await tokenLock.AcquireAsync("pax8|dead-holder")).ShouldNotBeNull("released by its owner, free at once");

        static RedisSharedStateOptions Shorten(RedisSharedStateOptions options)
        {
            options.TokenLockTimeout = TimeSpan.FromSeconds(1);
            return options;
        }
    }

    [RedisFact(Timeout = 60_000)]
    public async Task Tokens_in_Redis_are_encrypted_with_the_configured_key()
    {
        await using var redis = await RedisServer.StartAsync();
        var key = RandomNumberGenerator.GetBytes(32);
        using var state = new RedisSharedState(FallbackTests.Options(redis.Configuration, expectedInstances: 2));
        await FallbackTests.WaitUntilAsync(() => state.IsConnected);
        var provider = FallbackTests.Provider(state, () => 7, key);
        var token = await provider.GetTokenAsync();

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var entries = server.Keys(pattern: "tessera:token:*").ToList();
        entries.ShouldHaveSingleItem();
        var stored = (byte[])(await connection.GetDatabase().HashGetAsync(entries[0], "data"))!;
        stored.AsSpan(0, 4).SequenceEqual("GRTC"u8).ShouldBeTrue("AES-GCM, the format of the encrypted token file");
        System.Text.Encoding.UTF8.GetString(stored).ShouldNotContain(token.Value);
        entries[0].ToString().ShouldNotContain("pax8|test|client", Case.Sensitive, "the key is hashed");
    }
}
