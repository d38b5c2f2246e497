namespace Tessera.Core.Auth;

/// <summary>
/// The one rule every client uses to decide when a freshly issued token expires, whatever the vendor sends.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>A positive relative lifetime (<see cref="TokenGrant.ExpiresIn"/>) wins: it is measured on the local clock
/// from the moment the token was requested, so no clock skew between the vendor and this machine can shorten it.</item>
/// <item>An absolute expiry alone is used only when the local clock finds it plausible: after the request and no
/// further away than <see cref="MaxLifetime"/>. A past or implausibly distant value means the two clocks disagree;
/// the token then lives <see cref="DefaultLifetime"/>.</item>
/// <item>With neither, the token lives <see cref="DefaultLifetime"/>.</item>
/// <item>Every result is capped at <see cref="MaxLifetime"/>; one read from the vendor's clock is never shorter than
/// <see cref="MinimumLifetime"/>, so a misreported expiry can never make the client fetch a token on every call.</item>
/// </list>
/// When the absolute and relative statements disagree by more than <see cref="SkewTolerance"/>, the difference is
/// reported as <see cref="TokenExpiry.Skew"/> (the provider logs it once).
/// </remarks>
public sealed class TokenLifetimePolicy
{
    /// <summary>The lifetime of a token whose expiry the server did not state plausibly. Defaults to one hour.</summary>
    public TimeSpan DefaultLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The longest lifetime believed, whatever the server says; <see langword="null"/> for no cap.</summary>
    public TimeSpan? MaxLifetime { get; init; }

    /// <summary>
    /// The shortest lifetime a token whose expiry came from the vendor's clock (or from nowhere) is given, so that a
    /// token reported as (nearly) expired is still reused for a while instead of being replaced on every call. Defaults to one minute. A token the API actually rejects is
    /// replaced at once (401 → refresh and replay once), so this floor never keeps a dead token in use.
    /// </summary>
    public TimeSpan MinimumLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How far the vendor's absolute expiry may stray from the local reading before it counts as clock skew. Defaults to two minutes.</summary>
    public TimeSpan SkewTolerance { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Decides when a token expires.</summary>
    /// <param name="grant">What the server said.</param>
    /// <param name="requestedAt">When the token was requested, on the local clock.</param>
    /// <returns>The expiry to use and any clock skew detected.</returns>
    public TokenExpiry Resolve(TokenGrant grant, DateTimeOffset requestedAt)
    {
        ArgumentNullException.ThrowIfNull(grant);
        TimeSpan lifetime;
        TimeSpan? skew = null;
        TokenExpirySource source;

        if (grant.ExpiresIn is { } expiresIn && expiresIn > TimeSpan.Zero)
        {
            lifetime = expiresIn;
            source = TokenExpirySource.RelativeLifetime;
            if (grant.ExpiresAt is { } stated)
            {
                var difference = stated - (requestedAt + expiresIn);
                if (difference.Duration() > SkewTolerance)
                {
                    skew = difference;
                }
            }
        }
        else if (grant.ExpiresAt is { } stated)
        {
            var remaining = stated - requestedAt;
            var beyondMax = MaxLifetime is { } max ? remaining - max : TimeSpan.Zero;
            if (remaining <= TimeSpan.Zero || beyondMax > SkewTolerance)
            {
                // Already expired, or further away than the vendor ever issues: the clocks disagree.
                skew = remaining <= TimeSpan.Zero ? remaining : beyondMax;
                lifetime = DefaultLifetime;
                source = TokenExpirySource.Default;
            }
            else
            {
                lifetime = remaining;
                source = TokenExpirySource.AbsoluteExpiry;
            }
        }
        else
        {
            lifetime = DefaultLifetime;
            source = TokenExpirySource.Default;
        }

        if (MaxLifetime is { } cap && lifetime > cap)
        {
            lifetime = cap;
        }

        if (source != TokenExpirySource.RelativeLifetime && lifetime < MinimumLifetime)
        {
            lifetime = MinimumLifetime;
        }

        return new TokenExpiry(requestedAt + lifetime, source, skew);
    }
}
