namespace Tessera.Core.Auth;

/// <summary>The expiry <see cref="TokenLifetimePolicy"/> decided on, and why.</summary>
/// <param name="ExpiresAt">When the token is treated as expired, on the local clock.</param>
/// <param name="Source">Which statement of the server the expiry came from.</param>
/// <param name="Skew">
/// How far the server's absolute expiry strayed from the local reading (positive: the server's clock is ahead),
/// when it strayed more than the tolerance; otherwise <see langword="null"/>.
/// </param>
public readonly record struct TokenExpiry(DateTimeOffset ExpiresAt, TokenExpirySource Source, TimeSpan? Skew);
