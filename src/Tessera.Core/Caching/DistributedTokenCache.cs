using Tessera.Core.Auth;
using Microsoft.Extensions.Caching.Distributed;

namespace Tessera.Core.Caching;

/// <summary>
/// Keeps tokens in an <see cref="IDistributedCache"/> (Redis, SQL Server, ...), shared by every instance of a service.
/// </summary>
/// <remarks>
/// Entries expire from the cache when the token does. A corrupt entry is removed and treated as missing. With an
/// encryption key, entries are AES-GCM encrypted (the format of <see cref="FileTokenCache"/>'s encrypted file); an
/// entry that does not decrypt (plain, another key, tampered) is treated as corrupt.
/// </remarks>
public sealed class DistributedTokenCache : ITokenCache
{
    private readonly IDistributedCache _cache;
    private readonly string _keyPrefix;
    private readonly TimeProvider _timeProvider;
    private readonly byte[]? _encryptionKey;

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

    /// <summary>Creates a cache whose entries are encrypted with AES-GCM.</summary>
    /// <param name="cache">The distributed cache.</param>
    /// <param name="encryptionKey">The AES key: 16, 24 or 32 bytes.</param>
    /// <param name="keyPrefix">Prepended to every key so the tokens do not collide with other data.</param>
    /// <param name="timeProvider">The clock used to skip already expired tokens; defaults to the system clock.</param>
    /// <exception cref="ArgumentException">The key is not 16, 24 or 32 bytes long.</exception>
    public DistributedTokenCache(
        IDistributedCache cache,
        byte[] encryptionKey,
        string keyPrefix = "tessera:token:",
        TimeProvider? timeProvider = null)
        : this(cache, keyPrefix, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(encryptionKey);
        if (encryptionKey.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"The encryption key must be 16, 24 or 32 bytes long (AES-128/192/256); got {encryptionKey.Length} bytes.", nameof(encryptionKey));
        }

        _encryptionKey = encryptionKey.ToArray();
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

        var json = _encryptionKey is null ? content : FileTokenCache.Decrypt(content, _encryptionKey, out _);
        var token = json is null ? null : TokenCacheFormat.DeserializeEntry(json);
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
        var json = TokenCacheFormat.SerializeEntry(token);
        var content = _encryptionKey is null ? json : FileTokenCache.Encrypt(json, _encryptionKey);
        await _cache.SetAsync(cacheKey, content, options, cancellationToken).ConfigureAwait(false);
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
