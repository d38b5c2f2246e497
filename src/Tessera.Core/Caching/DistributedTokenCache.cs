using Tessera.Core.Auth;
using Microsoft.Extensions.Caching.Distributed;

namespace Tessera.Core.Caching;

/// <summary>
/// Keeps tokens in an <see cref="IDistributedCache"/> (Redis, SQL Server, ...), shared by every instance of a service.
/// </summary>
/// <remarks>Entries expire from the cache when the token does. A corrupt entry is removed and treated as missing.</remarks>
public sealed class DistributedTokenCache : ITokenCache
{
    private readonly IDistributedCache _cache;
    private readonly string _keyPrefix;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the cache.</summary>
    /// <param name="cache">The distributed cache.</param>
    /// <param name="keyPrefix">Prepended to every key so the tokens do not collide with other data.</param>
    /// <param name="timeProvider">The clock used to skip already expired tokens; defaults to the system clock.</param>
    public DistributedTokenCache(
        IDistributedCache cache,
        string keyPrefix = "tessera:token:",
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _cache = cache;
        _keyPrefix = keyPrefix;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var cacheKey = CacheKey(key);
        var content = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return null;
        }

        var token = TokenCacheFormat.DeserializeEntry(content);
        if (token is null)
        {
            await _cache.RemoveAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        }

        return token;
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var cacheKey = CacheKey(key);
        if (token.ExpiresAt <= _timeProvider.GetUtcNow())
        {
            // Distributed caches reject absolute expirations in the past; an expired token is worth nothing anyway.
            await _cache.RemoveAsync(cacheKey, cancellationToken).ConfigureAwait(false);
            return;
        }

        var options = new DistributedCacheEntryOptions { AbsoluteExpiration = token.ExpiresAt };
        await _cache.SetAsync(cacheKey, TokenCacheFormat.SerializeEntry(token), options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        await _cache.RemoveAsync(CacheKey(key), cancellationToken).ConfigureAwait(false);

    private string CacheKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _keyPrefix + TokenCacheFormat.HashKey(key);
    }
}
