using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Refit;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Benchmarks.Peers.KiotaPax8;
using Tessera.Benchmarks.Peers.KiotaSmartPay;
using Tessera.Benchmarks.Peers.NSwagStockPax8;
using Tessera.Benchmarks.Peers.NSwagStockSmartPay;

namespace Tessera.Benchmarks.Peers;

/// <summary>
/// The peers, each set up as its documentation shows: an <see cref="IServiceCollection"/>, a client registered
/// through <c>IHttpClientFactory</c> with <c>AddStandardResilienceHandler()</c> (Microsoft.Extensions.Http.Resilience)
/// as the outermost handler, and the in-memory <see cref="StaticResponseHandler"/> as the primary handler. Same
/// authentication as the shipped clients: a cached bearer token on every Pax8 request, SmartPay's cached session
/// token as the <c>token</c> field of the body. The token cache is the same <c>CachingTokenProvider</c> for every
/// peer, so no peer is charged more (or less) for the cache than another.
/// </summary>
public static class PeerClients
{
    /// <summary>The access token of <see cref="Payloads.Pax8Token"/>.</summary>
    public const string Pax8AccessToken = "eyJhbGciOiJub25lIn0.payload.sig";

    public static readonly Tessera.Core.Auth.IAccessTokenProvider Pax8Tokens = Clients.CachedTokenProvider(Pax8AccessToken);

    public static readonly Tessera.Core.Auth.IAccessTokenProvider SmartPayTokens = Clients.CachedTokenProvider(Payloads.SmartPayToken);

    private static readonly Uri Pax8Kiota = new("https://api.pax8.com/v1");

    // ----- Refit (Refit.HttpClientFactory: AddRefitGeneratedClient, the source-generated client Refit 16 defaults to) -----

    public static IRefitPax8Api RefitPax8(CannedResponse response)
    {
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<IRefitPax8Api>(RefitPeer.Settings(async cancellationToken => (await Pax8Tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false)).Value))
            .ConfigureHttpClient(c => c.BaseAddress = Clients.Pax8BaseUrl)
            .ConfigurePrimaryHttpMessageHandler(() => new StaticResponseHandler(response))
            .AddStandardResilienceHandler();
        return services.BuildServiceProvider().GetRequiredService<IRefitPax8Api>();
    }

    public static IRefitSmartPayApi RefitSmartPay(CannedResponse response)
    {
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<IRefitSmartPayApi>(RefitPeer.Settings())
            .ConfigureHttpClient(c => c.BaseAddress = Clients.SmartPayBaseUrl)
            .ConfigurePrimaryHttpMessageHandler(() => new StaticResponseHandler(response))
            .AddStandardResilienceHandler();
        return services.BuildServiceProvider().GetRequiredService<IRefitSmartPayApi>();
    }

    // ----- Kiota (the dependency-injection tutorial: Kiota's default handlers attached to a factory client) -----

    public static KiotaPax8Client KiotaPax8(CannedResponse response)
    {
        var http = KiotaHttpClient(response, Clients.Pax8BaseUrl);
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new KiotaTokenProvider(Pax8Tokens, "api.pax8.com")), httpClient: http)
        {
            BaseUrl = Pax8Kiota.ToString(),
        };
        return new KiotaPax8Client(adapter);
    }

    public static KiotaSmartPayClient KiotaSmartPay(CannedResponse response)
    {
        var http = KiotaHttpClient(response, Clients.SmartPayBaseUrl);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = Clients.SmartPayBaseUrl.ToString().TrimEnd('/'),
        };
        return new KiotaSmartPayClient(adapter);
    }

    private static HttpClient KiotaHttpClient(CannedResponse response, Uri baseAddress)
    {
        var services = new ServiceCollection();
        var handlerTypes = KiotaClientFactory.GetDefaultHandlerActivatableTypes();
        foreach (var type in handlerTypes)
        {
            services.AddTransient(type);
        }

        var builder = services.AddHttpClient("kiota")
            .ConfigureHttpClient(c => c.BaseAddress = baseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => new StaticResponseHandler(response));
        foreach (var type in handlerTypes)
        {
            builder.AddHttpMessageHandler(sp => (DelegatingHandler)sp.GetRequiredService(type));
        }

        builder.AddStandardResilienceHandler();
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("kiota");
    }

    /// <summary>Kiota's token-provider interface over the shared cached token.</summary>
    private sealed class KiotaTokenProvider(Tessera.Core.Auth.IAccessTokenProvider tokens, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    // ----- NSwag, stock (typed client: AddHttpClient<T>, bearer header from a DelegatingHandler) -----

    public static NSwagStockPax8Client NSwagStockPax8(CannedResponse response)
    {
        var services = new ServiceCollection();
        services.AddHttpClient<NSwagStockPax8Client>(c => c.BaseAddress = Clients.Pax8BaseUrl)
            .ConfigurePrimaryHttpMessageHandler(() => new StaticResponseHandler(response))
            .AddHttpMessageHandler(() => new BearerHandler(Pax8Tokens))
            .AddStandardResilienceHandler();
        return services.BuildServiceProvider().GetRequiredService<NSwagStockPax8Client>();
    }

    public static NSwagStockSmartPayClient NSwagStockSmartPay(CannedResponse response)
    {
        var services = new ServiceCollection();
        services.AddHttpClient<NSwagStockSmartPayClient>(c => c.BaseAddress = Clients.SmartPayBaseUrl)
            .ConfigurePrimaryHttpMessageHandler(() => new StaticResponseHandler(response))
            .AddStandardResilienceHandler();
        return services.BuildServiceProvider().GetRequiredService<NSwagStockSmartPayClient>();
    }

    /// <summary>What an NSwag user writes for a bearer token: a handler that sets the header from the cache.</summary>
    private sealed class BearerHandler(Tessera.Core.Auth.IAccessTokenProvider tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Value);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
