using Tessera.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tessera.Core.Auth;

/// <summary>
/// Options for <see cref="CachingTokenProvider"/>.
/// </summary>
public sealed class TokenProviderOptions
{
    private TimeSpan _refreshMargin = TimeSpan.FromMinutes(5);
    private TimeProvider _timeProvider = TimeProvider.System;
    private TokenLifetimePolicy _lifetime = new();
    private ILogger _logger = NullLogger.Instance;

    /// <summary>
    /// How long before expiry a token is replaced. Capped per token at 10% of its lifetime (at least one second),
    /// so short-lived tokens are not refreshed on every call. Defaults to five minutes.
    /// </summary>
    public TimeSpan RefreshMargin
    {
        get => _refreshMargin;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _refreshMargin = value;
        }
    }

    /// <summary>The clock used to decide whether a token is still fresh. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>How the expiry of each acquired token is decided (the client's documented lifetimes). Defaults to <see cref="TokenLifetimePolicy"/>'s defaults.</summary>
    public TokenLifetimePolicy Lifetime
    {
        get => _lifetime;
        set => _lifetime = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The client's redactor: every token the provider hands out is registered with it (and with
    /// <see cref="SecretRedactor.Shared"/>), wherever the token came from - a fresh acquisition, the in-memory copy,
    /// or a file or distributed cache another process wrote. Defaults to <see cref="SecretRedactor.Shared"/> only.
    /// </summary>
    public SecretRedactor? Redactor { get; set; }

    /// <summary>
    /// Serializes token acquisition across the processes that share a distributed <see cref="ITokenCache"/> (one
    /// token request per expiry for all of them). Defaults to none: concurrent callers in this process still share one
    /// acquisition.
    /// </summary>
    public ITokenAcquisitionLock? AcquisitionLock { get; set; }

    /// <summary>Where the provider reports clock skew (once). Defaults to no logging.</summary>
    public ILogger Logger
    {
        get => _logger;
        set => _logger = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Computes the refresh margin for a token whose lifetime is measured from <paramref name="acquiredAt"/>.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="acquiredAt">When the token was obtained (or first seen).</param>
    /// <returns>min(<see cref="RefreshMargin"/>, 10% of the lifetime), and at least one second.</returns>
    public TimeSpan GetEffectiveMargin(AccessToken token, DateTimeOffset acquiredAt)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lifetime = token.ExpiresAt - acquiredAt;
        var tenthOfLifetime = lifetime > TimeSpan.Zero ? lifetime / 10 : TimeSpan.Zero;
        var margin = tenthOfLifetime < RefreshMargin ? tenthOfLifetime : RefreshMargin;
        return margin < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : margin;
    }
}
