using Tessera.Core.Serialization;
using Tessera.SmartPay.Tests.Infrastructure;
using Newtonsoft.Json;

namespace Tessera.SmartPay.Tests.Models;

/// <summary>
/// Every response schema read from a realistic payload (echoed inputs, string and integer booleans, string amounts,
/// nulls, warnings) through the generated client, then written back as the model holds it: the approved files show
/// how each field lands in C#. Echoed secrets are scrubbed.
/// </summary>
public sealed class ModelSnapshotTests
{
#pragma warning disable CS0618 // The deprecated modifyOrder is read too.
    private static readonly Dictionary<string, Func<SmartPayClient, Task<object>>> Reads = new()
    {
        ["consumer-list"] = async c => await c.GetConsumersAsync(new GetConsumersRequest()),
        ["consumer-reference"] = async c => await c.CreateConsumerAsync(Wire.OperationCases.NewConsumer()),
        ["consumer"] = async c => await c.ModifyConsumerAsync(new ModifyConsumerRequest { ConsumerId = "aBc123" }),
        ["status"] = async c => await c.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "aBc123" }),
        ["order-list"] = async c => await c.GetOrdersAsync(new GetOrdersRequest()),
        ["order"] = async c => await c.ModifyOrderAsync(new ModifyOrderRequest { OrderId = "oRd001" }),
        ["invoice-list"] = async c => await c.GetInvoicesAsync(new GetInvoicesRequest()),
        ["webhook-list"] = async c => await c.GetWebhooksAsync(new GetWebhooksRequest()),
        ["webhook-reference"] = async c => await c.CreateWebhookAsync(new CreateWebhookRequest { Topic = SmartPayWebhookTopics.InvoicePaid, Url = new Uri("https://shop.example.com/webhooks") }),
        ["authenticate-echo"] = async c => await c.AuthenticateAsync(new AuthenticateRequest { ApiKey = TestClients.ApiKey }),
    };
#pragma warning restore CS0618

    public static IEnumerable<object[]> PayloadNames() => Reads.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public async Task Payload_is_read_into_the_generated_model(string payload)
    {
        var transport = new RecordingHandler(request => TestClients.Json(Payloads.Read(
            TestClients.IsAuthenticate(request) && !payload.StartsWith("authenticate", StringComparison.Ordinal) ? "authenticate" : payload)));
        var client = SmartPayClient.Create(TestClients.Options(), primaryHandler: transport);

        var model = await Reads[payload](client);

        var settings = ClientJsonSettings.Create();
        settings.Formatting = Formatting.Indented;
        settings.NullValueHandling = NullValueHandling.Include;
        var scrubber = TestClients.Scrubber();
        var text = scrubber.Scrub(JsonConvert.SerializeObject(model, settings));
        scrubber.AssertNoSecrets(text);
        text.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(payload).WithFileExtension("json").NoDiff());
    }
}
