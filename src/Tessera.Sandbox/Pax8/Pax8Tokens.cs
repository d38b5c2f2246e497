using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Tessera.Sandbox.Pax8;

/// <summary>An access token the sandbox issued.</summary>
internal sealed record Pax8IssuedToken(string AccessToken, string ClientId, string Audience, DateTimeOffset ExpiresAt);

/// <summary>The outcome of checking a bearer token.</summary>
internal enum Pax8TokenCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
    WrongAudience,
}

/// <summary>
/// Issues and checks opaque bearer tokens (Pax8 issues JWTs, but clients must treat them as opaque, so random strings
/// keep the sandbox honest). Expiry is measured on the sandbox clock so tests can age tokens.
/// </summary>
internal sealed class Pax8Tokens
{
    /// <summary>The audiences TokenAudience enumerates; only the first two are partner audiences.</summary>
    public static readonly IReadOnlyList<string> Audiences = ["https://api.pax8.com", "api://p8p.client", "api://provisioning", "api://usage"];

    private readonly ConcurrentDictionary<string, Pax8IssuedToken> tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan lifetime;
    private int tokenRequests;

    public Pax8Tokens(TimeProvider timeProvider, TimeSpan lifetime)
    {
        this.timeProvider = timeProvider;
        this.lifetime = lifetime;
    }

    public int TokenRequests => Volatile.Read(ref tokenRequests);

    public TimeSpan Lifetime => lifetime;

    public void CountRequest() => Interlocked.Increment(ref tokenRequests);

    public static bool IsPartnerAudience(string audience) =>
        audience is "https://api.pax8.com" or "api://p8p.client";

    public Pax8IssuedToken Issue(string clientId, string audience)
    {
        var accessToken = "sbx_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new Pax8IssuedToken(accessToken, clientId, audience, timeProvider.GetUtcNow() + lifetime);
        tokens[accessToken] = token;
        return token;
    }

    public Pax8TokenCheck Check(string? authorizationHeader, out Pax8IssuedToken? token)
    {
        token = null;
        if (string.IsNullOrWhiteSpace(authorizationHeader)
            || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Pax8TokenCheck.Missing;
        }

        var value = authorizationHeader["Bearer ".Length..].Trim();
        if (!tokens.TryGetValue(value, out token))
        {
            return Pax8TokenCheck.Unknown;
        }

        if (timeProvider.GetUtcNow() >= token.ExpiresAt)
        {
            return Pax8TokenCheck.Expired;
        }

        return IsPartnerAudience(token.Audience) ? Pax8TokenCheck.Valid : Pax8TokenCheck.WrongAudience;
    }

    /// <summary>Makes every issued token expired, so the next call with one gets a 401.</summary>
    public void ExpireAll()
    {
        var expired = timeProvider.GetUtcNow() - TimeSpan.FromSeconds(1);
        foreach (var (key, token) in tokens)
        {
            tokens[key] = token with { ExpiresAt = expired };
        }
    }
}
