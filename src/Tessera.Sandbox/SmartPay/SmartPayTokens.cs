using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Tessera.Sandbox.SmartPay;

/// <summary>The outcome of checking the body field <c>token</c>.</summary>
internal enum SmartPayTokenCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
}

/// <summary>
/// Issues and checks opaque session tokens. Expiry is measured on the sandbox clock (whole seconds, as
/// <c>expires_on</c> shows it), so tests can age tokens with a manual clock.
/// </summary>
internal sealed class SmartPayTokens
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan lifetime;
    private int authenticateCalls;

    public SmartPayTokens(TimeProvider timeProvider, TimeSpan lifetime)
    {
        this.timeProvider = timeProvider;
        this.lifetime = lifetime;
    }

    public int AuthenticateCalls => Volatile.Read(ref authenticateCalls);

    public void CountCall() => Interlocked.Increment(ref authenticateCalls);

    /// <summary>Issues a 32-character token (the 2018 tokens were "32-ish" characters) and its expiry.</summary>
    public (string Token, DateTimeOffset ExpiresOn) Issue()
    {
        var token = RandomNumberGenerator.GetString(Alphabet, 32);
        var expiresOn = SmartPayStore.ToSeconds(timeProvider.GetUtcNow() + lifetime);
        tokens[token] = expiresOn;
        return (token, expiresOn);
    }

    public SmartPayTokenCheck Check(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return SmartPayTokenCheck.Missing;
        }

        if (!tokens.TryGetValue(token, out var expiresOn))
        {
            return SmartPayTokenCheck.Unknown;
        }

        return timeProvider.GetUtcNow() >= expiresOn ? SmartPayTokenCheck.Expired : SmartPayTokenCheck.Valid;
    }

    /// <summary>Makes every issued token expired: the next call with one of them gets error 5783.</summary>
    public void ExpireAll()
    {
        var expired = timeProvider.GetUtcNow() - TimeSpan.FromSeconds(1);
        foreach (var key in tokens.Keys)
        {
            tokens[key] = expired;
        }
    }
}
