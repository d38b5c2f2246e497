using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Tessera.Core.Caching;
using Tessera.Pax8.Tests.Infrastructure;

namespace Tessera.Pax8.Tests.Hosting;

/// <summary>
/// AddPax8Client inside hosts that add their own resilience (Aspire's service defaults), register it twice, or hold
/// two partners' credentials: the wire sees what the client decides, nothing more.
/// </summary>
public sealed class Pax8HostingTests
{
    private static void Configure(Pax8ClientOptions options, string clientId = TestClients.ClientId)
    {
        options.ClientId = clientId;
        options.ClientSecret = TestClients.ClientSecret;
        options.BaseUrl = TestClients.BaseUrl;
        options.RequestsPerMinute = 0;
        options.TimeProvider = new FakeTimeProvider(TestClients.Start);
        options.Resilience.BaseDelay = TimeSpan.Zero;
        options.Resilience.EnableCircuitBreaker = false;
    }

    private static RecordingHandler Transport(HttpStatusCode apiStatus) => new(request => TestClients.IsTokenRequest(request)
        ? RecordingHandler.Json(Payloads.Read("token"))
        : RecordingHandler.Json("""{"status":503,"message":"try later"}""", apiStatus));

    private static int ApiCalls(RecordingHandler transport) => transport.Requests.Count(r => !r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal));

    [Fact]
    public async Task A_503_on_CreateCompany_reaches_the_wire_once_under_a_host_wide_standard_resilience_handler()
    {
        var transport = Transport(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler()); // what Aspire's service defaults do
        services.AddPax8Client(o => Configure(o)).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var provider = services.BuildServiceProvider();
        var pax8 = provider.GetRequiredService<IPax8Client>();

        var exception = await Should.ThrowAsync<Pax8ApiException>(pax8.CreateCompanyAsync(Company()));

        exception.StatusCode.ShouldBe(503);
        ApiCalls(transport).ShouldBe(1);
    }

    [Fact]
    public async Task Registering_the_client_twice_makes_at_most_four_attempts_for_a_failing_GET()
    {
        var transport = Transport(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.AddPax8Client(o => Configure(o)).ConfigurePrimaryHttpMessageHandler(() => transport); // a library
        services.AddPax8Client(o => Configure(o)).ConfigurePrimaryHttpMessageHandler(() => transport); // and the app
        using var provider = services.BuildServiceProvider();

        await Should.ThrowAsync<Pax8ApiException>(provider.GetRequiredService<IPax8Client>().FindCompaniesAsync());

        ApiCalls(transport).ShouldBe(4);
        transport.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_named_partners_have_their_own_options_tokens_and_budgets()
    {
        var transport = new RecordingHandler(request =>
        {
            if (TestClients.IsTokenRequest(request))
            {
                var clientId = (string)JObject.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult())["client_id"]!;
                return RecordingHandler.Json($$"""{"access_token":"token-of-{{clientId}}","token_type":"Bearer","expires_in":86400}""");
            }

            return RecordingHandler.Json(Payloads.Read("company-page"));
        });
        var sharedCache = new MemoryTokenCache();
        var services = new ServiceCollection();
        foreach (var partner in new[] { "partner-a", "partner-b" })
        {
            services.AddPax8Client(
                o =>
                {
                    Configure(o, clientId: "client-" + partner);
                    o.RequestsPerMinute = 2;
                    o.TokenCacheInstance = sharedCache; // one cache, one key per credential
                },
                name: partner).ConfigurePrimaryHttpMessageHandler(() => transport);
        }

        using var provider = services.BuildServiceProvider();
        var a = provider.GetRequiredKeyedService<IPax8Client>("partner-a");
        var b = provider.GetRequiredKeyedService<IPax8Client>("partner-b");

        await a.FindCompaniesAsync();
        await b.FindCompaniesAsync();

        var monitor = provider.GetRequiredService<IOptionsMonitor<Pax8ClientOptions>>();
        monitor.Get("partner-a").ClientId.ShouldBe("client-partner-a");
        monitor.Get("partner-b").ClientId.ShouldBe("client-partner-b");
        transport.Requests.Where(r => !r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal))
            .Select(r => r.Header("Authorization"))
            .ShouldBe(["Bearer token-of-client-partner-a", "Bearer token-of-client-partner-b"]);

        // Each partner spent its own two permits (token request and call); a shared budget would have made b wait.
        foreach (var partner in new[] { "partner-a", "partner-b" })
        {
            provider.GetRequiredKeyedService<Pax8ClientRuntime>(partner).RateLimiter!.GetStatistics()!.CurrentAvailablePermits.ShouldBe(0);
        }

        provider.GetService<IPax8Client>().ShouldBeNull("named partners are resolved by name only");
    }

    private static CompanyCreate Company() => new()
    {
        Name = "Acme",
        Address = new Address { Street = "1 Main St", City = "Denver", PostalCode = "80202", Country = "US", StateOrProvince = "CO" },
        Phone = "3035550100",
        Website = "https://acme.example",
        BillOnBehalfOfEnabled = false,
        SelfServiceAllowed = false,
        OrderApprovalRequired = false,
    };
}
