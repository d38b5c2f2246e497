using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Auth;
using Tessera.Core.Diagnostics;

namespace Tessera.SmartPay;

/// <summary>
/// Runs the api_key handshake through the generated <c>authenticate</c> operation, so the request is described,
/// retried (<c>x-safe-to-retry</c>), logged with redaction and snapshotted like any other call.
/// </summary>
internal sealed class SmartPayTokenSource : TokenSource
{
    /// <summary>
    /// Tokens "expire within one hour of issue" (README): <c>expires_on</c> further away is not believed, and one that
    /// is already past by the local clock (skew, or the 2018 "Eastern time" label) gives 55 minutes.
    /// </summary>
    internal static readonly TokenLifetimePolicy LifetimePolicy = new()
    {
        DefaultLifetime = TimeSpan.FromMinutes(55),
        MaxLifetime = TimeSpan.FromHours(1),
    };

    private readonly Func<SmartPayClient> _clientFactory;
    private readonly SmartPayClientOptions _options;
    private readonly SecretRedactor _redactor;

    public SmartPayTokenSource(Func<SmartPayClient> clientFactory, SmartPayClientOptions options, SecretRedactor redactor)
    {
        _clientFactory = clientFactory;
        _options = options;
        _redactor = redactor;
        CacheKey = BuildCacheKey(options);
    }

    /// <summary>Tokens belong to one api_key at one base URL; the key is identified by a hash, never stored.</summary>
    public override string CacheKey { get; }

    public override TokenLifetimePolicy Lifetime => LifetimePolicy;

    public override async Task<TokenGrant> AcquireAsync(CancellationToken cancellationToken)
    {
        AuthenticateResponse response;
        try
        {
            response = await _clientFactory()
                .AuthenticateAsync(new AuthenticateRequest { ApiKey = _options.ApiKey! }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (SmartPayApiException exception) when (exception is SmartPayErrorResponseException || exception.StatusCode is 400 or 401 or 403)
        {
            var reason = exception.Errors.Count > 0
                ? SmartPayErrorMaps.Describe(exception.Errors)
                : string.Create(CultureInfo.InvariantCulture, $"HTTP {exception.StatusCode}");
            throw new SmartPayAuthenticationException(
                _redactor.Redact($"SmartPay rejected the api_key at {_options.BaseUrl}authenticate ({reason}). Check SmartPay:ApiKey (Integrate page of the SmartPay dashboard)."),
                exception);
        }

        var token = response.Result?.Token;
        if (string.IsNullOrEmpty(token))
        {
            throw new SmartPayAuthenticationException($"SmartPay answered authenticate at {_options.BaseUrl} without a token.");
        }

        // The provider registers the token for redaction, whatever its source.
        // SmartPay states only an absolute expiry, on its clock.
        return new TokenGrant(token, expiresAt: response.Result!.ExpiresOn);
    }

    private static string BuildCacheKey(SmartPayClientOptions options) => $"smartpay|{options.BaseUrl}|{Fingerprint(options.ApiKey)}";
}
