using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Hosting;

/// <summary>AddSmartPayClient inside a host that puts the standard resilience handler on every client.</summary>
public sealed class SmartPayHostingTests
{
    [Fact]
    public async Task A_503_on_create_consumer_reaches_the_wire_once_under_a_host_wide_standard_resilience_handler()
    {
        var transport = new RecordingHandler(request => TestClients.IsAuthenticate(request)
            ? TestClients.Json(Payloads.Read("authenticate"))
            : TestClients.Json("""{"message":"unavailable"}""", HttpStatusCode.ServiceUnavailable));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(builder => builder.AddStandardResilienceHandler());
        services.AddSmartPayClient(o =>
        {
            o.ApiKey = TestClients.ApiKey;
            o.BaseUrl = TestClients.BaseUrl;
            o.RequestsPerMinute = 0;
            o.TimeProvider = new FakeTimeProvider(TestClients.Start);
            o.Resilience.BaseDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => transport);
        using var provider = services.BuildServiceProvider();

        var exception = await Should.ThrowAsync<SmartPayApiException>(provider.GetRequiredService<ISmartPayClient>().CreateConsumerAsync(Wire.OperationCases.NewConsumer()));

        exception.StatusCode.ShouldBe(503);
        transport.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/create_consumer", StringComparison.Ordinal)).ShouldBe(1, "a duplicate consumer otherwise");
    }
}
