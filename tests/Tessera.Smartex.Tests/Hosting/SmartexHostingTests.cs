using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Smartex.Tests.Infrastructure;
using Tessera.Smartex.Tokens;

namespace Tessera.Smartex.Tests.Hosting;

/// <summary>AddSmartexClient inside a host that puts the standard resilience handler on every client.</summary>
public sealed class SmartexHostingTests
{
    [Fact]
    public async Task A_503_on_createInvoice_reaches_the_wire_once_under_a_host_wide_standard_resilience_handler()
    {
        var transport = new RecordingHandler(_ => RecordingHandler.Json("""{"message":"unavailable"}""", HttpStatusCode.ServiceUnavailable));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler());
        services.AddSmartexClient(o =>
        {
            o.BaseUrl = TestClients.BaseUrl;
            o.Identity = TestClients.Identity;
            o.RequestsPerMinute = 0;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<SmartexTokenStore>().Set(new SmartexStoredToken("pos", TestClients.PosToken));

        var exception = await Should.ThrowAsync<SmartexApiException>(provider.GetRequiredService<ISmartexClient>().CreateInvoiceAsync(new InvoiceRequest { Price = 20m, Currency = "USD" }));

        exception.StatusCode.ShouldBe(503);
        transport.Requests.Count(r => r.Method == "POST").ShouldBe(1, "a duplicate invoice otherwise");
    }
}
