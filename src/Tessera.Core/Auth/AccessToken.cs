using System.Globalization;

namespace Tessera.Core.Auth;

/// <summary>
/// An access token and the instant it stops being accepted. The token value is never shown by <see cref="ToString"/>.
/// </summary>
public sealed class AccessToken : IEquatable<AccessToken>
{
    /// <summary>Creates a token.</summary>
    /// <param name="value">The raw token sent to the API.</param>
    /// <param name="expiresAt">The instant the token expires.</param>
    public AccessToken(string value, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresAt = expiresAt;
    }

    /// <summary>The raw token. Treat as a secret.</summary>
    public string Value { get; }

    /// <summary>The instant the token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>
    /// Whether the token is expired, or will be within <paramref name="margin"/> of <paramref name="now"/>.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="margin">How long before <see cref="ExpiresAt"/> the token is already considered expired.</param>
    /// <returns><see langword="true"/> when the token should no longer be used.</returns>
    public bool IsExpired(DateTimeOffset now, TimeSpan margin)
    {
        // Subtracting from now avoids underflow for tokens that expire near DateTimeOffset.MinValue.
        if (margin <= TimeSpan.Zero)
        {
            return now >= ExpiresAt;
        }

        return ExpiresAt - now <= margin;
    }

    /// <inheritdoc />
    public bool Equals(AccessToken? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal) && ExpiresAt == other.ExpiresAt;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AccessToken);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Value), ExpiresAt);

    /// <summary>Describes the token without revealing its value.</summary>
    /// <returns>For example <c>AccessToken(expires 2026-01-01T00:00:00.0000000+00:00)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"AccessToken(expires {ExpiresAt:O})");

    /// <summary>Value equality.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns>Whether both tokens have the same value and expiry.</returns>
    public static bool operator ==(AccessToken? left, AccessToken? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns>Whether the tokens differ in value or expiry.</returns>
    public static bool operator !=(AccessToken? left, AccessToken? right) => !(left == right);
}
