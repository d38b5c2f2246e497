using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Wire;

/// <summary>
/// One approved snapshot per operation of exactly what goes on the wire (method, URL, headers, form body with the
/// session token injected; the api_key and token scrubbed). A change of the spec, the templates or the handlers
/// shows up here as a diff.
/// </summary>
public sealed class WireSnapshotTests
{
    [Theory]
    [MemberData(nameof(OperationCases.Names), MemberType = typeof(OperationCases))]
    public async Task Operation_sends_the_documented_request(string operationId)
    {
        var (payload, call) = OperationCases.All[operationId];
        var (client, transport) = TestClients.Canned(_ => TestClients.Json(Payloads.Read(payload)));

        await call(client);

        var requests = transport.Requests.Where(r => !TestClients.IsAuthenticate(r)).ToList();
        requests.Count.ShouldBe(1);
        TestClients.TokenOf(requests[0]).ShouldBe(TestClients.Token, "the session token travels in the body");
        var text = WireFormatter.Format(requests);
        var scrubber = TestClients.Scrubber();
        text.ShouldContain(TestClients.Token);
        scrubber.AssertNoSecrets(scrubber.Scrub(text));
        scrubber.Scrub(text).ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(operationId).NoDiff());
    }

    [Fact]
    public async Task Authenticate_sends_the_api_key_form_encoded_and_no_token()
    {
        var (client, transport) = TestClients.Canned(_ => TestClients.Json(Payloads.Read("status")));

        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "wHk001" });

        var text = WireFormatter.Format(transport.Requests);
        text.ShouldContain(TestClients.ApiKey);
        WireFormatter.FormFields(transport.Requests[0].Body).Keys.ShouldBe(["api_key"]);
        var scrubber = TestClients.Scrubber();
        scrubber.AssertNoSecrets(scrubber.Scrub(text));
        scrubber.Scrub(text).ShouldMatchApproved(b => b.SubFolder("Snapshots").NoDiff());
    }

    [Fact]
    public void Every_operation_of_the_spec_has_a_wire_case()
    {
        var operations = typeof(ISmartPayClient).GetMethods()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.Name.EndsWith("AllAsync", StringComparison.Ordinal))
            .Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..^"Async".Length])
            .Where(name => name != "authenticate")
            .Distinct()
            .Order(StringComparer.Ordinal);

        operations.ShouldBe(OperationCases.All.Keys.Order(StringComparer.Ordinal));
    }
}
