namespace Tessera.Core.Auth;

/// <summary>
/// Lets one process at a time acquire a token that several processes share through a distributed
/// <see cref="ITokenCache"/>, so that a token expiring in N instances costs one token request, not N.
/// </summary>
/// <remarks>
/// <see cref="CachingTokenProvider"/> takes the lock only after the cache held no usable token, reads the cache again
/// once it holds the lock (the previous holder has usually just written a fresh token), and releases it after writing
/// the token it acquired. The lock is an optimisation, never a dependency: an implementation that cannot reach its
/// store, or waited long enough, returns <see langword="null"/> and the provider acquires the token itself.
/// </remarks>
public interface ITokenAcquisitionLock
{
    /// <summary>Waits, for a bounded time, until this process may acquire the token stored under <paramref name="key"/>.</summary>
    /// <param name="key">The token's cache key (as passed to <see cref="ITokenCache"/>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>
    /// The held lock, released when disposed; or <see langword="null"/> when it could not be had (the store is
    /// unreachable, or the wait timed out), in which case the caller acquires without it.
    /// </returns>
    ValueTask<IAsyncDisposable?> AcquireAsync(string key, CancellationToken cancellationToken = default);
}
