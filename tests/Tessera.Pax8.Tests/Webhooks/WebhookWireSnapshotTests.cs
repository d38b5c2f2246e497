using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.Tests.Webhooks;

/// <summary>
/// One approved snapshot per webhooks operation of exactly what goes on the wire, through <see cref="Pax8Client.Webhooks"/>:
/// the same token (one token request for both APIs) and the v2 base address.
/// </summary>
public sealed class WebhookWireSnapshotTests
{
    [Theory]
    [MemberData(nameof(WebhookOperationCases.Names), MemberType = typeof(WebhookOperationCases))]
    public async Task Operation_sends_the_documented_request(string operationId)
    {
        var (payload, call) = WebhookOperationCases.All[operationId];
        var (client, transport) = TestClients.Canned(_ => payload is null
            ? new HttpResponseMessage(operationId == "retryWebhookDelivery" ? HttpStatusCode.Accepted : HttpStatusCode.NoContent)
            : RecordingHandler.Json(Payloads.Read(payload)));

        await call(client.Webhooks);

        var requests = transport.Requests.Where(r => !r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)).ToList();
        requests.Count.ShouldBe(1);
        requests[0].Uri.AbsoluteUri.ShouldStartWith("https://api.pax8.com/api/v2/webhooks");
        var text = WireFormatter.Format(requests);
        var scrubber = TestClients.Scrubber();
        scrubber.AssertNoSecrets(scrubber.Scrub(text));
        scrubber.Scrub(text).ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(operationId).NoDiff());
    }

    [Fact]
    public void Every_operation_of_the_spec_has_a_wire_case()
    {
        var operations = typeof(IPax8WebhooksClient).GetMethods()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.Name.EndsWith("AllAsync", StringComparison.Ordinal))
            .Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..^"Async".Length])
            .Distinct()
            .Order(StringComparer.Ordinal);

        operations.ShouldBe(WebhookOperationCases.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Partner_and_webhooks_calls_share_one_token()
    {
        var (client, transport) = TestClients.Canned(request => request.RequestUri!.AbsolutePath.Contains("/webhooks", StringComparison.Ordinal)
            ? RecordingHandler.Json(Payloads.Read("webhooks/webhook"))
            : RecordingHandler.Json(Payloads.Read("company")));

        await client.FindCompanyByIdAsync("5c1f8d1e-2b8a-4f6e-9d3a-7a1b2c3d4e5f");
        await client.Webhooks.GetWebhookAsync(WebhookOperationCases.WebhookId);

        transport.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Query_pages_are_enumerated_through_x_paging()
    {
        var (client, transport) = TestClients.Canned(request => request.RequestUri!.Query.Contains("page=0", StringComparison.Ordinal) || !request.RequestUri.Query.Contains("page=", StringComparison.Ordinal)
            ? RecordingHandler.Json(Payloads.Read("webhooks/topic-definition-page").Replace("\"totalPages\": 1", "\"totalPages\": 2", StringComparison.Ordinal))
            : RecordingHandler.Json("""{"content":[],"number":1,"size":10,"totalElements":1,"totalPages":2}"""));

        var topics = await client.Webhooks.ListAsync();

        topics.ShouldBe([WebhookOperationCases.Topic]);
        transport.Requests.Count(r => r.Uri.AbsolutePath.EndsWith("/topic-definitions", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Webhooks_client_is_resolved_from_dependency_injection()
    {
        var services = new ServiceCollection();
        services.AddPax8Client(o =>
        {
            o.ClientId = TestClients.ClientId;
            o.ClientSecret = TestClients.ClientSecret;
        });
        await using var provider = services.BuildServiceProvider();

        var webhooks = provider.GetRequiredService<IPax8WebhooksClient>();

        webhooks.ShouldBeOfType<Pax8WebhooksClient>();
    }
}
