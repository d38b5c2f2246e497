using System.Collections.Concurrent;
using Tessera.Core.Auth;

namespace Tessera.Core.Caching;

/// <summary>
/// Keeps tokens in process memory only.
/// </summary>
public sealed class MemoryTokenCache : ITokenCache
{
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_tokens.TryGetValue(key, out var token) ? token : null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        _tokens[key] = token;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        _tokens.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }
}
