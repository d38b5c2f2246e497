namespace Tessera.Core.Auth;

/// <summary>Where a client's tokens come from: the vendor's handshake, the key it is cached under, and how long the vendor's answers are believed.</summary>
public abstract class TokenSource
{
    /// <summary>The cache key: starts with the API name (<c>pax8|…</c>) and identifies the credential without containing it.</summary>
    public abstract string CacheKey { get; }

    /// <summary>How the expiry of an acquired token is decided.</summary>
    public abstract TokenLifetimePolicy Lifetime { get; }

    /// <summary>
    /// A fingerprint of a secret for a cache key: 24 hex characters of SHA-256 over a fixed prefix and the secret. A
    /// changed secret gets a new key, so a token fetched with the old one is never served for it; the secret itself
    /// never reaches the cache (which may be a shared file or Redis).
    /// </summary>
    /// <param name="secret">The client secret or API key.</param>
    /// <returns>The fingerprint; that of an empty string for <see langword="null"/>.</returns>
    public static string Fingerprint(string? secret)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("tessera-token-cache|" + secret);
        try
        {
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes).AsSpan(0, 12));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Runs the handshake.</summary>
    /// <param name="cancellationToken">Stops it.</param>
    /// <returns>The token and what the vendor said about its expiry.</returns>
    public abstract Task<TokenGrant> AcquireAsync(CancellationToken cancellationToken);
}
