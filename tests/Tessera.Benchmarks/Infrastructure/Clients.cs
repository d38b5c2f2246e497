using Tessera.Benchmarks.Baseline;
using Tessera.Pax8;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.SmartPay;
using Tessera.Smartex;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Tokens;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tessera.Benchmarks.Infrastructure;

/// <summary>
/// Builds every variant over a <see cref="StaticResponseHandler"/>. Two kinds of generated-client variant:
/// <list type="bullet">
/// <item><b>Generated</b>: the generated client over the bare transport plus only the handlers without which the
/// request would be wrong on the wire (SmartPay's token-in-body, Smartex's facade token and signature). Compared
/// with the baseline like for like: the targets apply to these rows.</item>
/// <item><b>Full chain</b>: the client exactly as <c>Create</c> wires it (telemetry, redacting logging with a
/// disabled logger, Polly resilience with no retry triggered, token handler with a cached token); rate limiting
/// is switched off (<c>RequestsPerMinute = 0</c>), as a benchmark loop would otherwise measure the limiter's wait.</item>
/// </list>
/// </summary>
public static class Clients
{
    public static readonly Uri Pax8BaseUrl = new("https://api.pax8.com/v1/");
    public static readonly Uri SmartPayBaseUrl = new("https://api.smartpay.curexe.com/1-2/");
    public static readonly Uri SmartexBaseUrl = new("https://smartex.io/");

    public static HttpClient Http(HttpMessageHandler handler, Uri baseAddress) => new(handler, disposeHandler: true) { BaseAddress = baseAddress };

    public static BaselineClient Baseline(CannedResponse response, Uri baseAddress) => new(Http(new StaticResponseHandler(response), baseAddress));

    public static Pax8Client Pax8(CannedResponse response, bool readResponseAsString) =>
        new(Http(new StaticResponseHandler(response), Pax8BaseUrl)) { ReadResponseAsString = readResponseAsString };

    public static Pax8Client Pax8FullChain(CannedResponse response)
    {
        var token = new CannedResponse(Payloads.Utf8(Payloads.Pax8Token));
        var transport = new StaticResponseHandler(request =>
            request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal) ? token : response);
        var options = new Pax8ClientOptions
        {
            ClientId = "bench-client",
            ClientSecret = "bench-secret-5f1c9a",
            BaseUrl = Pax8BaseUrl,
            RequestsPerMinute = 0,
            TokenCacheInstance = new MemoryTokenCache(),
        };
        return Pax8Client.Create(options, NullLoggerFactory.Instance, transport);
    }

    public static SmartPayClient SmartPay(CannedResponse response) =>
        new(Http(SmartPaySessionTokenHandler(new StaticResponseHandler(response)), SmartPayBaseUrl));

    public static SmartPayClient SmartPayFullChain(CannedResponse response)
    {
        var authenticate = new CannedResponse(Payloads.Utf8(Payloads.SmartPayAuthenticate));
        var transport = new StaticResponseHandler(request =>
            request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal) ? authenticate : response);
        var options = new SmartPayClientOptions
        {
            ApiKey = "sp_live_key_9d2f7a41c6e0",
            BaseUrl = SmartPayBaseUrl,
            RequestsPerMinute = 0,
            TokenCacheInstance = new MemoryTokenCache(),
        };
        return SmartPayClient.Create(options, NullLoggerFactory.Instance, transport);
    }

    /// <summary>A token provider whose token is already cached (acquired once, valid for years).</summary>
    public static IAccessTokenProvider CachedTokenProvider(string token)
    {
        var provider = new CachingTokenProvider(
            _ => Task.FromResult(new AccessToken(token, DateTimeOffset.UtcNow.AddYears(10))),
            new MemoryTokenCache(),
            "bench");
        provider.GetTokenAsync().AsTask().GetAwaiter().GetResult();
        return provider;
    }

    /// <summary>SmartPay's (internal) <c>SessionTokenHandler</c> with a cached token, in front of <paramref name="inner"/>.</summary>
    public static DelegatingHandler SmartPaySessionTokenHandler(HttpMessageHandler inner)
    {
        var type = typeof(SmartPayClient).Assembly.GetType("Tessera.SmartPay.SessionTokenHandler", throwOnError: true)!;
        var handler = (DelegatingHandler)Activator.CreateInstance(type, CachedTokenProvider(Payloads.SmartPayToken), NullLogger.Instance)!;
        handler.InnerHandler = inner;
        return handler;
    }

    public static SmartexIdentity SmartexIdentity() => Tessera.Smartex.Identity.SmartexIdentity.FromPrivateKeyHex(Payloads.SmartexPrivateKeyHex);

    public static SmartexClient Smartex(CannedResponse response)
    {
        var identity = SmartexIdentity();
        var store = new SmartexTokenStore(null, identity.Sin);
        store.Set(new SmartexStoredToken("pos", Payloads.SmartexPosToken));
        store.Set(new SmartexStoredToken("merchant", Payloads.SmartexMerchantToken));
        var signing = new SmartexSigningHandler(identity) { InnerHandler = new StaticResponseHandler(response) };
        var facade = new SmartexFacadeTokenHandler(store) { InnerHandler = signing };
        return new SmartexClient(Http(facade, SmartexBaseUrl)) { ReadResponseAsString = true };
    }

    public static SmartexClient SmartexFullChain(CannedResponse response)
    {
        var options = new SmartexClientOptions { BaseUrl = SmartexBaseUrl, Identity = SmartexIdentity(), RequestsPerMinute = 0 };
        var client = SmartexClient.Create(options, NullLoggerFactory.Instance, new StaticResponseHandler(response));
        client.Tokens.Set(new SmartexStoredToken("pos", Payloads.SmartexPosToken));
        client.Tokens.Set(new SmartexStoredToken("merchant", Payloads.SmartexMerchantToken));
        return client;
    }
}
