using System.Text;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Tessera.Core.Tests.Caching;

public class DistributedTokenCacheTests
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

    [Fact]
    public async Task Tokens_round_trip()
    {
        var cache = new DistributedTokenCache(_inner);
        var token = new AccessToken("distributed", DateTimeOffset.UtcNow.AddHours(1));

        await cache.SetAsync("k", token);

        (await cache.GetAsync("k")).ShouldBe(token);
        (await new DistributedTokenCache(_inner).GetAsync("k")).ShouldBe(token);
        (await new DistributedTokenCache(_inner, "other-prefix:").GetAsync("k")).ShouldBeNull();

        await cache.RemoveAsync("k");
        (await cache.GetAsync("k")).ShouldBeNull();
    }

    [Fact]
    public async Task The_entry_expires_with_the_token()
    {
        var recorder = new RecordingDistributedCache(_inner);
        var token = new AccessToken("t", DateTimeOffset.UtcNow.AddMinutes(42));

        await new DistributedTokenCache(recorder).SetAsync("k", token);

        recorder.LastOptions!.AbsoluteExpiration.ShouldBe(token.ExpiresAt);
        recorder.LastKey!.ShouldStartWith("tessera:token:");
    }

    [Fact]
    public async Task An_expired_token_is_not_stored()
    {
        var cache = new DistributedTokenCache(_inner);
        await cache.SetAsync("k", new AccessToken("live", DateTimeOffset.UtcNow.AddHours(1)));

        await cache.SetAsync("k", new AccessToken("dead", DateTimeOffset.UtcNow.AddMinutes(-1)));

        (await cache.GetAsync("k")).ShouldBeNull();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"token\": 1}")]
    [InlineData("{\"token\": \"x\", \"expiresAt\": \"yesterday\"}")]
    public async Task A_corrupt_entry_is_removed_and_treated_as_missing(string content)
    {
        var recorder = new RecordingDistributedCache(_inner);
        var cache = new DistributedTokenCache(recorder);
        await cache.SetAsync("k", new AccessToken("t", DateTimeOffset.UtcNow.AddHours(1)));
        await _inner.SetAsync(recorder.LastKey!, Encoding.UTF8.GetBytes(content));

        (await cache.GetAsync("k")).ShouldBeNull();

        (await _inner.GetAsync(recorder.LastKey!)).ShouldBeNull();
    }

    private sealed class RecordingDistributedCache(IDistributedCache inner) : IDistributedCache
    {
        public string? LastKey { get; private set; }

        public DistributedCacheEntryOptions? LastOptions { get; private set; }

        public byte[]? Get(string key) => inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            LastKey = key;
            LastOptions = options;
            return inner.SetAsync(key, value, options, token);
        }
    }
}
