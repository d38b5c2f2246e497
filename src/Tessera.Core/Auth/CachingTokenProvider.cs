using Microsoft.Extensions.Logging;

namespace Tessera.Core.Auth;

/// <summary>
/// Hands out a cached token and refreshes it shortly before it expires. Concurrent callers share one acquisition.
/// </summary>
/// <remarks>
/// Tokens are looked up in memory first, then in the <see cref="ITokenCache"/> (which may be shared with other
/// processes), and only then acquired. Cache failures never fail a call: a failed read falls back to acquiring, a
/// failed write is ignored. With <see cref="TokenProviderOptions.AcquisitionLock"/>, processes sharing the cache also
/// share one acquisition: the lock holder acquires and writes, the others wait and then read what it wrote. The expiry of every acquired token is decided by one rule,
/// <see cref="TokenProviderOptions.Lifetime"/>; clock skew between the vendor and this machine is logged once.
/// </remarks>
public sealed partial class CachingTokenProvider : IAccessTokenProvider
{
    private readonly Func<CancellationToken, Task<TokenGrant>> _acquireToken;
    private readonly ITokenCache _cache;
    private readonly string _cacheKey;
    private readonly TokenProviderOptions _options;
    private readonly Lock _gate = new();

    private CurrentToken? _current;
    private AccessToken? _lastRejected;
    private TaskCompletionSource<AccessToken>? _pendingRefresh;
    private int _skewReported;

    /// <summary>Creates a provider over a source that reports what the authorization server said.</summary>
    /// <param name="acquireToken">Obtains a new token from the authorization server.</param>
    /// <param name="cache">Where tokens are kept between calls and processes.</param>
    /// <param name="cacheKey">The key for this client's token in <paramref name="cache"/>.</param>
    /// <param name="options">Refresh margin, lifetime policy, clock and logger; defaults when <see langword="null"/>.</param>
    public CachingTokenProvider(
        Func<CancellationToken, Task<TokenGrant>> acquireToken,
        ITokenCache cache,
        string cacheKey,
        TokenProviderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(acquireToken);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentException.ThrowIfNullOrEmpty(cacheKey);
        _acquireToken = acquireToken;
        _cache = cache;
        _cacheKey = cacheKey;
        _options = options ?? new TokenProviderOptions();
    }

    /// <summary>Creates a provider over a source that already decided each token's expiry.</summary>
    /// <remarks>The expiry still passes <see cref="TokenProviderOptions.Lifetime"/>: one already in the past is replaced by the default lifetime.</remarks>
    /// <param name="acquireToken">Obtains a new token from the authorization server.</param>
    /// <param name="cache">Where tokens are kept between calls and processes.</param>
    /// <param name="cacheKey">The key for this client's token in <paramref name="cache"/>.</param>
    /// <param name="options">Refresh margin and clock; defaults when <see langword="null"/>.</param>
    public CachingTokenProvider(
        Func<CancellationToken, Task<AccessToken>> acquireToken,
        ITokenCache cache,
        string cacheKey,
        TokenProviderOptions? options = null)
        : this(AsGrantSource(acquireToken), cache, cacheKey, options)
    {
    }

    /// <inheritdoc />
    public async ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();

        TaskCompletionSource<AccessToken> refresh;
        var startsRefresh = false;
        lock (_gate)
        {
            var current = _current;
            if (current is not null && !current.Token.IsExpired(_options.TimeProvider.GetUtcNow(), current.Margin))
            {
                return current.Token;
            }

            if (_pendingRefresh is null)
            {
                // Continuations run asynchronously so that completing the refresh never runs waiters inline.
                _pendingRefresh = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                startsRefresh = true;
            }

            refresh = _pendingRefresh;
        }

        if (startsRefresh)
        {
            // The shared refresh must outlive any single caller, so it never sees a caller's token.
            _ = Task.Run(() => RefreshAsync(refresh), CancellationToken.None);
        }

        return await refresh.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask InvalidateAsync(AccessToken rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);

        lock (_gate)
        {
            if (_current is null || _current.Token != rejected)
            {
                return;
            }

            _current = null;
            _lastRejected = rejected;
        }

        try
        {
            var stored = await _cache.GetAsync(_cacheKey, cancellationToken).ConfigureAwait(false);
            if (stored == rejected)
            {
                await _cache.RemoveAsync(_cacheKey, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The rejected token is already out of memory and will be skipped if read back from the cache.
        }
    }

    private async Task RefreshAsync(TaskCompletionSource<AccessToken> refresh)
    {
        try
        {
            var fresh = await LoadOrAcquireAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _current = fresh;
                _pendingRefresh = null;
            }

            refresh.SetResult(fresh.Token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _pendingRefresh = null;
            }

            refresh.SetException(ex);

            // Every waiter may have given up; observe the exception so it is not reported as unobserved.
            _ = refresh.Task.Exception;
        }
    }

    private async Task<CurrentToken> LoadOrAcquireAsync()
    {
        AccessToken? stale;
        AccessToken? rejected;
        lock (_gate)
        {
            stale = _current?.Token;
            rejected = _lastRejected;
        }

        if (await TryLoadCachedAsync(stale, rejected).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        if (_options.AcquisitionLock is not { } acquisitionLock)
        {
            return await AcquireAndCacheAsync().ConfigureAwait(false);
        }

        // Another process may be acquiring the same token: wait for it, then look again before acquiring.
        var held = await TryLockAsync(acquisitionLock).ConfigureAwait(false);
        try
        {
            if (held is not null && await TryLoadCachedAsync(stale, rejected).ConfigureAwait(false) is { } written)
            {
                return written;
            }

            return await AcquireAndCacheAsync().ConfigureAwait(false);
        }
        finally
        {
            await TryReleaseAsync(held).ConfigureAwait(false);
        }
    }

    private async Task<CurrentToken?> TryLoadCachedAsync(AccessToken? stale, AccessToken? rejected)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var stored = await TryReadCacheAsync().ConfigureAwait(false);
        if (stored is not null && stored != stale && stored != rejected)
        {
            // The original acquisition time is unknown, so the lifetime is measured from now.
            var margin = _options.GetEffectiveMargin(stored, now);
            if (!stored.IsExpired(now, margin))
            {
                // Written by another process or an earlier run: this process has never seen it, so it is not yet redacted.
                RegisterSecret(stored);
                return new CurrentToken(stored, margin);
            }
        }

        return null;
    }

    private async Task<CurrentToken> AcquireAndCacheAsync()
    {
        var requestedAt = _options.TimeProvider.GetUtcNow();
        var grant = await _acquireToken(CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The token acquisition delegate returned null.");

        var expiry = _options.Lifetime.Resolve(grant, requestedAt);
        if (expiry.Skew is { } skew && Interlocked.Exchange(ref _skewReported, 1) == 0)
        {
            LogClockSkew(_options.Logger, ClientLabel(_cacheKey), skew, expiry.Source, expiry.ExpiresAt - requestedAt);
        }

        var acquired = new AccessToken(grant.Value, expiry.ExpiresAt);
        RegisterSecret(acquired);
        await TryWriteCacheAsync(acquired).ConfigureAwait(false);
        return new CurrentToken(acquired, _options.GetEffectiveMargin(acquired, requestedAt));
    }

    // Until shortly after the token expires (SecretRedactor.ExpiryGrace): the redactors hold live tokens only, so their
    // cost does not grow with the number of tokens a long-running process is issued.
    private void RegisterSecret(AccessToken token)
    {
        var lifetime = token.ExpiresAt - _options.TimeProvider.GetUtcNow();
        _options.Redactor?.AddSecret(token.Value, lifetime);
        Diagnostics.SecretRedactor.Shared.AddSecret(token.Value, lifetime);
    }

    // Cache keys start with the API name ("pax8|…"); the rest may identify a credential and stays out of logs.
    private static string ClientLabel(string cacheKey)
    {
        var separator = cacheKey.IndexOf('|', StringComparison.Ordinal);
        return separator > 0 ? cacheKey[..separator] : "this client";
    }

    private static Func<CancellationToken, Task<TokenGrant>> AsGrantSource(Func<CancellationToken, Task<AccessToken>> acquireToken)
    {
        ArgumentNullException.ThrowIfNull(acquireToken);
        return async cancellationToken =>
        {
            var token = await acquireToken(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The token acquisition delegate returned null.");
            return new TokenGrant(token.Value, expiresAt: token.ExpiresAt);
        };
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning,
        Message = "The token expiry stated by the authorization server for {Client} disagrees with the local clock by {Skew}; the token is kept for {Lifetime} ({Source}). Check this machine's clock. Reported once.")]
    private static partial void LogClockSkew(ILogger logger, string client, TimeSpan skew, TokenExpirySource source, TimeSpan lifetime);

    private async Task<AccessToken?> TryReadCacheAsync()
    {
        try
        {
            return await _cache.GetAsync(_cacheKey, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A broken cache must degrade to acquiring a token, whatever it throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private async Task<IAsyncDisposable?> TryLockAsync(ITokenAcquisitionLock acquisitionLock)
    {
        try
        {
            return await acquisitionLock.AcquireAsync(_cacheKey, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The lock only saves token requests; without it the token is acquired anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static async Task TryReleaseAsync(IAsyncDisposable? held)
    {
        if (held is null)
        {
            return;
        }

        try
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A lock that cannot be released expires on its own; the token is already in hand.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task TryWriteCacheAsync(AccessToken token)
    {
        try
        {
            await _cache.SetAsync(_cacheKey, token, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The token is still usable from memory; losing the cached copy is harmless.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed record CurrentToken(AccessToken Token, TimeSpan Margin);
}
