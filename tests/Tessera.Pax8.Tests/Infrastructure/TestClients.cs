using System.Net;
using Tessera.Core.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Pax8.Tests.Infrastructure;

/// <summary>Builds Pax8 clients over in-memory transports with test credentials and a fake clock.</summary>
public static class TestClients
{
    public const string ClientId = "test-client-id";
    public const string ClientSecret = "test-client-secret-5f1c9a";
    public const string AccessToken = "eyJhbGciOiJub25lIn0.payload.sig";
    public static readonly Uri BaseUrl = new("https://api.pax8.com/v1/");

    /// <summary>
    /// The fake clocks start here; Payloads/token.json states <c>expires_at</c> 24 hours later, agreeing with its
    /// <c>expires_in</c>, so the fixture is relative to the test clock, never to the date the suite runs.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Scrubber Scrubber() => new Scrubber()
        .WithSecret(ClientSecret, "{client_secret}")
        .WithSecret(AccessToken, "{access_token}");

    public static Pax8ClientOptions Options(Action<Pax8ClientOptions>? configure = null)
    {
        var options = new Pax8ClientOptions
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            BaseUrl = BaseUrl,
            RequestsPerMinute = 0,
            TokenCacheInstance = new MemoryTokenCache(),
            TimeProvider = new FakeTimeProvider(Start),
        };
        options.Resilience.MaxRetryAttempts = 0;
        options.Resilience.EnableCircuitBreaker = false;
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client whose transport answers the token endpoint from Payloads/token.json and everything else via <paramref name="respond"/>.</summary>
    public static (Pax8Client Client, RecordingHandler Transport) Canned(
        Func<HttpRequestMessage, HttpResponseMessage> respond,
        Action<Pax8ClientOptions>? configure = null,
        ILoggerFactory? loggerFactory = null,
        string? tokenResponse = null)
    {
        var transport = new RecordingHandler(request => IsTokenRequest(request)
            ? RecordingHandler.Json(tokenResponse ?? Payloads.Read("token"))
            : respond(request));
        return (Pax8Client.Create(Options(configure), loggerFactory, transport), transport);
    }

    public static bool IsTokenRequest(HttpRequestMessage request) => request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal);

    public static HttpResponseMessage NoContent() => new(HttpStatusCode.NoContent);
}
