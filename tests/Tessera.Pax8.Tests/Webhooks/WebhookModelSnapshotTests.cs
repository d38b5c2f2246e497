using System.Text;
using Newtonsoft.Json;
using Tessera.Core.Serialization;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.Tests.Webhooks;

/// <summary>
/// Every response schema of specs/pax8-webhooks.yaml, and the delivery body, read from a realistic payload into the
/// generated models and written back as the model holds it (approved files).
/// </summary>
public sealed class WebhookModelSnapshotTests
{
    private static readonly Dictionary<string, Func<Pax8WebhooksClient, Task<object>>> Reads = new()
    {
        ["webhook"] = async c => await c.GetWebhookAsync(WebhookOperationCases.WebhookId),
        ["webhook-page"] = async c => await c.QueryWebhooksAsync(),
        ["topic-definition-page"] = async c => await c.GetTopicDefinitionsAsync(),
        ["webhook-test"] = async c => await c.TestWebhookTopicAsync(WebhookOperationCases.WebhookId, WebhookOperationCases.Topic),
        ["webhook-log"] = async c => await c.GetWebhookLogAsync(WebhookOperationCases.WebhookId, WebhookOperationCases.LogId),
        ["webhook-log-page"] = async c => await c.QueryWebhookLogsAsync(WebhookOperationCases.WebhookId),
        ["webhook-payload"] = c => Task.FromResult<object>(Pax8WebhookVerifier.Parse(Encoding.UTF8.GetBytes(Payloads.Read("webhooks/webhook-payload")))),
    };

    public static IEnumerable<object[]> PayloadNames() => Reads.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(PayloadNames))]
    public async Task Payload_is_read_into_the_generated_model(string payload)
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("webhooks/" + payload))).Client;

        var model = await Reads[payload](client.Webhooks);

        var settings = ClientJsonSettings.Create();
        settings.Formatting = Formatting.Indented;
        settings.NullValueHandling = NullValueHandling.Include;
        JsonConvert.SerializeObject(model, settings).ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(payload).WithFileExtension("json").NoDiff());
    }

    [Fact]
    public void A_redelivery_has_the_fingerprint_of_the_first_delivery()
    {
        var body = Payloads.Read("webhooks/webhook-payload");
        var first = Pax8WebhookVerifier.Parse(Encoding.UTF8.GetBytes(body));
        var again = Pax8WebhookVerifier.Parse(Encoding.UTF8.GetBytes(body.Replace("2025-07-16T09:00:00Z", "2025-07-16T09:04:00Z", StringComparison.Ordinal)));
        var other = Pax8WebhookVerifier.Parse(Encoding.UTF8.GetBytes(body.Replace("\"quantity\": 5", "\"quantity\": 7", StringComparison.Ordinal)));

        Pax8WebhookVerifier.Fingerprint(again).ShouldBe(Pax8WebhookVerifier.Fingerprint(first));
        Pax8WebhookVerifier.Fingerprint(other).ShouldNotBe(Pax8WebhookVerifier.Fingerprint(first));
    }
}
