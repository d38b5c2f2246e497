using Tessera.Core.Auth;

namespace Tessera.Pax8.Authentication;

/// <summary>
/// Runs the OAuth2 client-credentials handshake through the generated <c>createAccessToken</c>
/// operation, so the token request is described, validated and snapshotted like any other call.
/// </summary>
internal sealed class Pax8TokenSource : TokenSource
{
    private static readonly TokenLifetimePolicy Pax8Lifetime = new() { DefaultLifetime = TimeSpan.FromHours(24) };

    private readonly Func<Pax8Client> _tokenClientFactory;
    private readonly Pax8ClientOptions _options;

    public Pax8TokenSource(Func<Pax8Client> tokenClientFactory, Pax8ClientOptions options)
    {
        _tokenClientFactory = tokenClientFactory;
        _options = options;
    }

    /// <summary>
    /// The cache key: tokens belong to one credential (client id and a fingerprint of its secret, so a rotated secret
    /// never gets a token fetched with the old one) at one token endpoint and audience.
    /// </summary>
    public override string CacheKey => $"pax8|{_options.EffectiveTokenUrl}|{_options.Audience}|{_options.ClientId}|{Fingerprint(_options.ClientSecret)}";

    /// <summary>
    /// Pax8 documents a 24-hour lifetime (<c>expires_in</c> 86400); the undocumented <c>expires_at</c> is read from
    /// Pax8's clock and only checked against ours (see <see cref="TokenLifetimePolicy"/>).
    /// </summary>
    public override TokenLifetimePolicy Lifetime => Pax8Lifetime;

    public override async Task<TokenGrant> AcquireAsync(CancellationToken cancellationToken)
    {
        var request = new Pax8TokenRequest
        {
            ClientId = _options.ClientId!,
            ClientSecret = _options.ClientSecret!,
            Audience = new TokenAudience(_options.Audience),
            GrantType = GrantType.ClientCredentials,
        };

        Pax8TokenResponse response;
        try
        {
            response = await _tokenClientFactory().CreateAccessTokenAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Pax8ApiException exception) when (exception.StatusCode is 400 or 401 or 403)
        {
            throw new Pax8AuthenticationException(
                $"Pax8 rejected the client credentials of client id '{_options.ClientId}' at {_options.EffectiveTokenUrl} (HTTP {exception.StatusCode}): check Pax8:ClientId and Pax8:ClientSecret (or PAX8_CLIENT_ID and PAX8_CLIENT_SECRET), and that the credentials belong to this token endpoint.",
                exception);
        }

        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new Pax8AuthenticationException($"The Pax8 token endpoint {_options.EffectiveTokenUrl} answered without an access_token.");
        }

        var expiresIn = response.ExpiresIn is > 0 ? TimeSpan.FromSeconds((double)response.ExpiresIn.Value) : (TimeSpan?)null;
        return new TokenGrant(response.AccessToken, expiresIn, response.ExpiresAt);
    }
}
