namespace Tessera.Core.Auth;

/// <summary>
/// Stores access tokens between calls and, depending on the implementation, between processes.
/// </summary>
public interface ITokenCache
{
    /// <summary>Reads the token stored under <paramref name="key"/>.</summary>
    /// <param name="key">The cache key; identifies the API, environment and client.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored token, or <see langword="null"/> when there is none.</returns>
    ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="token"/> under <paramref name="key"/>, replacing any previous token.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="token">The token to store.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the token is stored.</returns>
    ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken = default);

    /// <summary>Removes the token stored under <paramref name="key"/>, if any.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the token is removed.</returns>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);
}
