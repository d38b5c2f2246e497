using Tessera.SmartPay.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tessera.SmartPay.Tests.DependencyInjection;

public sealed class ServiceCollectionTests
{
    [Fact]
    public async Task The_client_is_bound_from_configuration_and_served_by_IHttpClientFactory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmartPay:ApiKey"] = TestClients.ApiKey,
            ["SmartPay:BaseUrl"] = "https://sandbox.example/1-2",
            ["SmartPay:RequestsPerMinute"] = "30",
            ["SmartPay:RefreshMargin"] = "00:02:00",
            ["SmartPay:Resilience:MaxRetryAttempts"] = "0",
        }).Build();
        var transport = new RecordingHandler(request => TestClients.Json(Payloads.Read(TestClients.IsAuthenticate(request) ? "authenticate" : "status")));
        var services = new ServiceCollection();
        services.AddSmartPayClient(configuration.GetSection(SmartPayClientOptions.SectionName))
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SmartPayClientOptions>>().Value;
        options.RequestsPerMinute.ShouldBe(30);
        options.RefreshMargin.ShouldBe(TimeSpan.FromMinutes(2));
        options.Resilience.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(60));

        var client = provider.GetRequiredService<ISmartPayClient>();
        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });
        await provider.GetRequiredService<ISmartPayClient>().DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });

        transport.Requests.Select(r => r.Uri.AbsoluteUri).ShouldBe([
            "https://sandbox.example/1-2/authenticate",
            "https://sandbox.example/1-2/delete_webhook",
            "https://sandbox.example/1-2/delete_webhook",
        ]);
        transport.Requests.Skip(1).ShouldAllBe(r => TestClients.TokenOf(r) == TestClients.Token);
    }

    [Fact]
    public void Invalid_configuration_fails_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddSmartPayClient(_ => { });
        using var provider = services.BuildServiceProvider();

        Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(() => provider.GetRequiredService<ISmartPayClient>())
            .Message.ShouldContain("ApiKey is required");
    }
}
