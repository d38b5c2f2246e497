using Tessera.Pax8.Tests.Infrastructure;

namespace Tessera.Pax8.Tests.Wire;

/// <summary>
/// One approved snapshot per operation of exactly what goes on the wire (method, URL, headers with
/// secrets scrubbed, body). A change of the spec, the templates or the handlers shows up here as a diff.
/// </summary>
public sealed class WireSnapshotTests
{
    [Theory]
    [MemberData(nameof(OperationCases.Names), MemberType = typeof(OperationCases))]
    public async Task Operation_sends_the_documented_request(string operationId)
    {
        var (payload, call) = OperationCases.All[operationId];
        var (client, transport) = TestClients.Canned(_ => payload is null ? TestClients.NoContent() : RecordingHandler.Json(Payloads.Read(payload)));

        await call(client);

        var requests = transport.Requests.Where(r => !r.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)).ToList();
        requests.Count.ShouldBe(1);
        var text = WireFormatter.Format(requests);
        var scrubber = TestClients.Scrubber();
        scrubber.AssertNoSecrets(scrubber.Scrub(text));
        scrubber.Scrub(text).ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(operationId).NoDiff());
    }

    [Fact]
    public async Task Token_request_follows_the_client_credentials_grant()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")));

        await client.FindCompanyByIdAsync(OperationCases.CompanyId);

        var text = WireFormatter.Format(transport.Requests);
        var scrubber = TestClients.Scrubber();
        text.ShouldContain(TestClients.ClientSecret);
        scrubber.Scrub(text).ShouldMatchApproved(b => b.SubFolder("Snapshots").NoDiff());
    }

    [Fact]
    public void Every_operation_of_the_spec_has_a_wire_case()
    {
        var operations = typeof(IPax8Client).GetMethods()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.Name.EndsWith("AllAsync", StringComparison.Ordinal))
            .Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..^"Async".Length])
            .Where(name => name != "createAccessToken")
            .Distinct()
            .Order(StringComparer.Ordinal);

        operations.ShouldBe(OperationCases.All.Keys.Order(StringComparer.Ordinal));
    }
}
