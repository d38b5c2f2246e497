using Microsoft.Extensions.Configuration;
using System.Net;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;
using Tessera.Core.Caching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Pax8.Tests.Authentication;

public sealed class ClientCredentialsTests
{
    [Fact]
    public async Task Token_is_fetched_once_and_reused_across_calls()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")));

        await client.FindCompanyByIdAsync(OperationCases.CompanyId);
        await client.FindCompanyByIdAsync(OperationCases.CompanyId);
        await client.FindCompanyByIdAsync(OperationCases.CompanyId);

        transport.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)).ShouldBe(1);
        transport.Requests.Where(r => r.Uri.AbsolutePath.Contains("/companies/", StringComparison.Ordinal))
            .ShouldAllBe(r => r.Headers["Authorization"] == "Bearer " + TestClients.AccessToken);
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_token_request()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")));

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => client.FindCompanyByIdAsync(OperationCases.CompanyId)));

        transport.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Token_request_goes_to_the_configured_token_url_with_the_configured_audience()
    {
        var (client, transport) = TestClients.Canned(
            _ => RecordingHandler.Json(Payloads.Read("company")),
            o =>
            {
                o.TokenUrl = new Uri("https://login.pax8.com/oauth/token");
                o.Audience = "api://p8p.client";
            });

        await client.FindCompanyByIdAsync(OperationCases.CompanyId);

        var token = transport.Requests[0];
        token.Uri.ShouldBe(new Uri("https://login.pax8.com/oauth/token"));
        token.Body.ShouldNotBeNull();
        token.Body.ShouldContain("\"audience\":\"api://p8p.client\"");
        token.Body.ShouldContain("\"grant_type\":\"client_credentials\"");
        token.Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task A_401_refreshes_the_token_and_replays_the_request_once()
    {
        var calls = 0;
        var (client, transport) = TestClients.Canned(_ => Interlocked.Increment(ref calls) == 1
            ? RecordingHandler.Json(Payloads.Read("error-404").Replace("404", "401", StringComparison.Ordinal), HttpStatusCode.Unauthorized)
            : RecordingHandler.Json(Payloads.Read("company")));

        var company = await client.FindCompanyByIdAsync(OperationCases.CompanyId);

        company.Name.ShouldBe("Acme Dental Group");
        transport.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)).ShouldBe(2);
        transport.Requests.Count(r => r.Uri.AbsolutePath.Contains("/companies/", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Rejected_credentials_raise_an_authentication_error_without_the_secret()
    {
        var transport = new RecordingHandler(_ => RecordingHandler.Json("""{"error":"access_denied","error_description":"Unauthorized"}""", HttpStatusCode.Unauthorized));
        var client = Pax8Client.Create(TestClients.Options(), primaryHandler: transport);

        var exception = await Should.ThrowAsync<Pax8AuthenticationException>(() => client.FindCompanyByIdAsync(OperationCases.CompanyId));

        exception.Message.ShouldContain(TestClients.ClientId);
        exception.ToString().ShouldNotContain(TestClients.ClientSecret);
        transport.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Tokens_are_cached_per_client_id()
    {
        var cache = new MemoryTokenCache();
        var (first, firstTransport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), o => o.TokenCacheInstance = cache);
        var (second, secondTransport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), o => o.TokenCacheInstance = cache);
        var (other, otherTransport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), o =>
        {
            o.TokenCacheInstance = cache;
            o.ClientId = "another-client";
        });

        await first.FindCompanyByIdAsync(OperationCases.CompanyId);
        await second.FindCompanyByIdAsync(OperationCases.CompanyId);
        await other.FindCompanyByIdAsync(OperationCases.CompanyId);

        firstTransport.Requests.Count(TokenRequest).ShouldBe(1);
        secondTransport.Requests.Count(TokenRequest).ShouldBe(0, "the same client id reuses the cached token");
        otherTransport.Requests.Count(TokenRequest).ShouldBe(1, "another client id never sees that token");
    }

    [Fact]
    public async Task An_encrypted_file_cache_is_shared_between_clients()
    {
        // A private directory (0700): /tmp itself is world-writable, and the cache refuses such a directory.
        var directory = Directory.CreateTempSubdirectory("pax8-cache-");
        var path = Path.Combine(directory.FullName, "tokens.json");
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        try
        {
            void UseFile(Pax8ClientOptions o)
            {
                o.TokenCacheInstance = null;
                o.TokenCache = Tessera.Core.Caching.TokenCacheKind.File;
                o.TokenCacheFile = path;
                o.TokenCacheEncryptionKey = key;
            }

            var (first, firstTransport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), UseFile);
            await first.FindCompanyByIdAsync(OperationCases.CompanyId);
            var (second, secondTransport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), UseFile);
            await second.FindCompanyByIdAsync(OperationCases.CompanyId);

            firstTransport.Requests.Count(TokenRequest).ShouldBe(1);
            secondTransport.Requests.Count(TokenRequest).ShouldBe(0);
            (await File.ReadAllTextAsync(path)).ShouldNotContain(TestClients.AccessToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_token_url_follows_the_base_url_unless_it_is_set()
    {
        new Pax8ClientOptions().EffectiveTokenUrl.ShouldBe(Pax8ClientOptions.DefaultTokenUrl);
        new Pax8ClientOptions { BaseUrl = new Uri("http://127.0.0.1:5190/pax8/v1") }.EffectiveTokenUrl.ShouldBe(new Uri("http://127.0.0.1:5190/pax8/v1/token"));
        new Pax8ClientOptions { BaseUrl = new Uri("http://127.0.0.1:5190/pax8/v1/"), TokenUrl = new Uri("https://login.pax8.com/oauth/token") }.EffectiveTokenUrl.ShouldBe(new Uri("https://login.pax8.com/oauth/token"));

        // Bound from configuration: the binder reads TokenUrl before it binds BaseUrl; nothing may freeze the default.
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pax8:BaseUrl"] = "http://127.0.0.1:5190/pax8/v1/" })
            .Build();
        var bound = new Pax8ClientOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("Pax8"), bound);
        bound.EffectiveTokenUrl.ShouldBe(new Uri("http://127.0.0.1:5190/pax8/v1/token"));

        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), o => o.BaseUrl = new Uri("https://pax8.elsewhere.test/v1/"));
        await client.FindCompanyByIdAsync(OperationCases.CompanyId);

        transport.Requests.Select(r => r.Uri.AbsoluteUri).ShouldContain("https://pax8.elsewhere.test/v1/token", "the credentials go where the API is, never to production");
        transport.Requests.ShouldNotContain(r => r.Uri.Host == "api.pax8.com");
    }

    [Fact]
    public async Task The_webhooks_url_follows_the_base_url_unless_it_is_set()
    {
        new Pax8ClientOptions().EffectiveWebhooksBaseUrl.ShouldBe(new Uri("https://api.pax8.com/api/v2/"));
        new Pax8ClientOptions { BaseUrl = new Uri("http://127.0.0.1:5190/pax8/v1") }.EffectiveWebhooksBaseUrl.ShouldBe(new Uri("http://127.0.0.1:5190/pax8/api/v2/"));
        new Pax8ClientOptions { BaseUrl = new Uri("http://127.0.0.1:5190/pax8/v1/"), WebhooksBaseUrl = new Uri("https://hooks.example.test/v2/") }.EffectiveWebhooksBaseUrl.ShouldBe(new Uri("https://hooks.example.test/v2/"));

        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Pax8:BaseUrl"] = "http://127.0.0.1:5190/pax8/v1/" })
            .Build();
        var bound = new Pax8ClientOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("Pax8"), bound);
        bound.EffectiveWebhooksBaseUrl.ShouldBe(new Uri("http://127.0.0.1:5190/pax8/api/v2/"));

        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json("""{"content":[],"page":{"size":10,"totalElements":0,"totalPages":0,"number":0}}"""), o => o.BaseUrl = new Uri("https://pax8.elsewhere.test/v1/"));
        await client.Webhooks.QueryWebhooksAsync();

        transport.Requests.Select(r => r.Uri.GetLeftPart(UriPartial.Path)).ShouldContain("https://pax8.elsewhere.test/api/v2/webhooks");
        transport.Requests.ShouldNotContain(r => r.Uri.Host == "api.pax8.com");
    }

    [Fact]
    public async Task A_changed_secret_never_gets_the_token_fetched_with_the_old_one()
    {
        var directory = Directory.CreateTempSubdirectory("pax8-cache-");
        var path = Path.Combine(directory.FullName, "tokens.json");
        try
        {
            Action<Pax8ClientOptions> WithSecret(string secret) => o =>
            {
                o.TokenCacheInstance = null;
                o.TokenCache = Tessera.Core.Caching.TokenCacheKind.File;
                o.TokenCacheFile = path;
                o.ClientSecret = secret;
            };

            var (old, _) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), WithSecret("the-old-secret-1"));
            await old.FindCompanyByIdAsync(OperationCases.CompanyId);
            var (rotated, rotatedTransport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), WithSecret("the-new-secret-2"));
            await rotated.FindCompanyByIdAsync(OperationCases.CompanyId);
            var (same, sameTransport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), WithSecret("the-new-secret-2"));
            await same.FindCompanyByIdAsync(OperationCases.CompanyId);

            rotatedTransport.Requests.Count(TokenRequest).ShouldBe(1, "a new secret is a new credential");
            sameTransport.Requests.Count(TokenRequest).ShouldBe(0, "the same credential shares the cached token");
            var file = await File.ReadAllTextAsync(path);
            file.ShouldNotContain("the-old-secret-1");
            file.ShouldNotContain("the-new-secret-2");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("2025-12-31T00:00:00.000+00:00", 86400, "a past expires_at beside expires_in")]
    [InlineData("2025-12-31T00:00:00.000+00:00", null, "a past expires_at and no expires_in")]
    [InlineData("2036-01-01T00:00:00.000+00:00", 86400, "an expires_at ten years after expires_in")]
    [InlineData("2026-01-05T00:00:00.000+00:00", 86400, "an expires_at days after expires_in")]
    public async Task A_misdated_token_costs_at_most_one_extra_token_request_and_one_log_line(string expiresAt, int? expiresIn, string because)
    {
        var clock = new FakeTimeProvider(TestClients.Start);
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var lifetime = expiresIn is null ? string.Empty : $",\"expires_in\":{expiresIn}";
        var tokenResponse = $"{{\"access_token\":\"{TestClients.AccessToken}\",\"token_type\":\"Bearer\",\"expires_at\":\"{expiresAt}\"{lifetime}}}";
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), o => o.TimeProvider = clock, loggerFactory, tokenResponse);

        for (var call = 0; call < 20; call++)
        {
            await client.FindCompanyByIdAsync(OperationCases.CompanyId);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        transport.Requests.Count(TokenRequest).ShouldBeLessThanOrEqualTo(2, because);
        logs.GetSnapshot().Count(r => r.Message.Contains("disagrees with the local clock", StringComparison.Ordinal)).ShouldBeLessThanOrEqualTo(1, because);
    }

    [Fact]
    public async Task The_relative_lifetime_wins_over_a_skewed_absolute_expiry_and_the_skew_is_logged_once()
    {
        var clock = new FakeTimeProvider(TestClients.Start);
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        // Pax8's clock is a day behind ours: expires_at is already past, expires_in says 24 hours.
        var tokenResponse = Payloads.Read("token").Replace("2026-01-02T00:00:00.000", "2026-01-01T00:00:00.000", StringComparison.Ordinal);
        tokenResponse.ShouldNotBe(Payloads.Read("token"));
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")), o => o.TimeProvider = clock, loggerFactory, tokenResponse);

        await client.FindCompanyByIdAsync(OperationCases.CompanyId);
        clock.Advance(TimeSpan.FromHours(23));
        await client.FindCompanyByIdAsync(OperationCases.CompanyId);
        transport.Requests.Count(TokenRequest).ShouldBe(1, "the token lives the 24 hours expires_in states");

        clock.Advance(TimeSpan.FromMinutes(56));
        await client.FindCompanyByIdAsync(OperationCases.CompanyId);
        transport.Requests.Count(TokenRequest).ShouldBe(2, "it is refreshed shortly before those 24 hours end");

        var skew = logs.GetSnapshot().Where(r => r.Message.Contains("disagrees with the local clock", StringComparison.Ordinal)).ToList();
        skew.Count.ShouldBe(1);
        skew[0].Level.ShouldBe(LogLevel.Warning);
        skew[0].Message.ShouldNotContain(TestClients.AccessToken);
    }

    [Fact]
    public void Missing_credentials_are_reported_clearly()
    {
        var exception = Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(() => Pax8Client.Create(new Pax8ClientOptions()));

        exception.Message.ShouldContain("ClientId is required");
        exception.Message.ShouldContain("ClientSecret is required");
    }

    private static bool TokenRequest(RecordedRequest request) => request.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal);
}
