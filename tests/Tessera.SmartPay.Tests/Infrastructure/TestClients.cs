using System.Net;
using Tessera.Core.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.SmartPay.Tests.Infrastructure;

/// <summary>Builds SmartPay clients over in-memory transports with a test api_key and a fake clock.</summary>
public static class TestClients
{
    public const string ApiKey = "sp_live_key_9d2f7a41c6e0";
    public const string Token = "tok_3f9a2c71d4e8b6a0";
    public const string RenewedToken = "tok_renewed_77c1e09b52";
    public static readonly Uri BaseUrl = new("https://api.smartpay.curexe.com/1-2/");

    /// <summary>The fake clocks start here; Payloads/authenticate.json expires one hour later, so the fixture is relative to the test clock, never to the date the suite runs.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Scrubber Scrubber() => new Scrubber()
        .WithSecret(ApiKey, "{api_key}")
        .WithSecret(RenewedToken, "{renewed_token}")
        .WithSecret(Token, "{token}");

    public static SmartPayClientOptions Options(Action<SmartPayClientOptions>? configure = null)
    {
        var options = new SmartPayClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = BaseUrl,
            RequestsPerMinute = 0,
            TokenCacheInstance = new MemoryTokenCache(),
            TimeProvider = new FakeTimeProvider(TestClients.Start),
        };
        options.Resilience.MaxRetryAttempts = 0;
        options.Resilience.EnableCircuitBreaker = false;
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose transport answers <c>authenticate</c> from Payloads/authenticate.json and everything else via <paramref name="respond"/>.</summary>
    public static (SmartPayClient Client, RecordingHandler Transport) Canned(
        Func<HttpRequestMessage, HttpResponseMessage> respond,
        Action<SmartPayClientOptions>? configure = null,
        ILoggerFactory? loggerFactory = null)
    {
        var transport = new RecordingHandler(request => IsAuthenticate(request)
            ? RecordingHandler.Json(Payloads.Read("authenticate"))
            : respond(request));
        return (SmartPayClient.Create(Options(configure), loggerFactory, transport), transport);
    }

    /// <summary>A realistic success payload for whatever operation <paramref name="request"/> calls.</summary>
    public static HttpResponseMessage Success(HttpRequestMessage request) => Json(Payloads.Read(request.RequestUri!.Segments[^1] switch
    {
        "authenticate" => "authenticate",
        "get_consumers" => "consumer-list",
        "create_consumer" => "consumer-reference",
        "modify_consumer" => "consumer",
        "get_orders" => "order-list",
        "modify_order" => "order",
        "get_invoices" => "invoice-list",
        "get_webhooks" => "webhook-list",
        "create_webhook" or "modify_webhook" => "webhook-reference",
        _ => "status",
    }));

    public static bool IsAuthenticate(HttpRequestMessage request) => request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal);

    public static bool IsAuthenticate(RecordedRequest request) => request.Uri.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) => RecordingHandler.Json(json, status);

    /// <summary>The token the request carried (form field <c>token</c>).</summary>
    public static string? TokenOf(RecordedRequest request) =>
        WireFormatter.FormFields(request.Body).GetValueOrDefault("token");
}
