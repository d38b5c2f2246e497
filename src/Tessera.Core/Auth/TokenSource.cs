namespace Tessera.Core.Auth;

/// <summary>Where a client's tokens come from: the vendor's handshake, the key it is cached under, and how long the vendor's answers are believed.</summary>
public abstract class TokenSource
{
    /// <summary>The cache key: starts with the API name (<c>pax8|…</c>) and identifies the credential without containing it.</summary>
    public abstract string CacheKey { get; }

    /// <summary>How the expiry of an acquired token is decided.</summary>
    public abstract TokenLifetimePolicy Lifetime { get; }

    /// <summary>Runs the handshake.</summary>
    /// <param name="cancellationToken">Stops it.</param>
    /// <returns>The token and what the vendor said about its expiry.</returns>
    public abstract Task<TokenGrant> AcquireAsync(CancellationToken cancellationToken);
}
