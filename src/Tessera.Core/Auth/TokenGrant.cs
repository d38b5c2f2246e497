namespace Tessera.Core.Auth;

/// <summary>
/// What an authorization server said about a token it issued: the value and, as sent, its relative lifetime
/// and absolute expiry. <see cref="TokenLifetimePolicy"/> turns the two into one trusted expiry.
/// </summary>
/// <remarks>
/// A token source reports both fields as they arrived and leaves the decision to the provider: the relative lifetime
/// is measured on the local clock, while the absolute expiry is read from the vendor's clock, which may be skewed.
/// </remarks>
public sealed class TokenGrant
{
    /// <summary>Creates a grant.</summary>
    /// <param name="value">The raw token sent to the API.</param>
    /// <param name="expiresIn">The lifetime the server stated (for example OAuth2 <c>expires_in</c>), if any.</param>
    /// <param name="expiresAt">The expiry instant the server stated (for example <c>expires_at</c>), if any.</param>
    public TokenGrant(string value, TimeSpan? expiresIn = null, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresIn = expiresIn;
        ExpiresAt = expiresAt;
    }

    /// <summary>The raw token. Treat as a secret.</summary>
    public string Value { get; }

    /// <summary>The lifetime the server stated, measured from when the token was requested.</summary>
    public TimeSpan? ExpiresIn { get; }

    /// <summary>The expiry instant the server stated, on the server's clock.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Describes the grant without revealing its value.</summary>
    /// <returns>For example <c>TokenGrant(expires_in 86400 s)</c>.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"TokenGrant(expires_in {ExpiresIn?.TotalSeconds.ToString() ?? "-"} s, expires_at {ExpiresAt?.ToString("O") ?? "-"})");
}
