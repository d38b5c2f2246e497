using System.Text;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Tests.Infrastructure;
using Tessera.Smartex.Tokens;

namespace Tessera.Smartex.Tests.Wire;

/// <summary>
/// One approved snapshot per operation of exactly what goes on the wire (method, URL, headers, body) with tokens,
/// pairing codes, the identity and signatures scrubbed; the signature itself is checked here against the recorded
/// URL and body bytes (RFC 6979 signatures are deterministic, but they are secrets and stay out of the files).
/// </summary>
public sealed class WireSnapshotTests
{
    [Theory]
    [MemberData(nameof(OperationCases.Names), MemberType = typeof(OperationCases))]
    public async Task Operation_sends_the_documented_request(string caseName)
    {
        var (payload, facades, call) = OperationCases.All[caseName];
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read(payload)), facades: facades);

        await call(client);

        var request = transport.Requests.ShouldHaveSingleItem();
        var operation = SmartexClientOperations.All.Single(o => o.OperationId == OperationCases.OperationOf(caseName));
        var signature = request.Header(SmartexHeaders.Signature);
        if (signature is null)
        {
            request.Header(SmartexHeaders.Identity).ShouldBeNull();
            operation.UnsignedVariant.ShouldBeTrue($"{caseName} went out unsigned although the spec requires a signature");
        }
        else
        {
            request.Header(SmartexHeaders.Identity).ShouldBe(TestClients.Identity.PublicKeyHex);
            SmartexRequestSigner.Verify(request.Uri, request.BodyBytes, request.Header(SmartexHeaders.Identity)!, signature)
                .ShouldBeTrue("the signature must cover the URL and body exactly as sent");
            SmartexRequestSigner.Sign(TestClients.Identity, request.Uri, request.BodyBytes).Signature
                .ShouldBe(signature, "RFC 6979 signatures are deterministic");
        }

        request.Header(SmartexHeaders.AcceptVersion).ShouldBe("1.0.0");
        var text = WireFormatter.Format(transport.Requests);
        var scrubber = TestClients.Scrubber();
        if (signature is not null)
        {
            scrubber.WithSecret(signature, "{signature}");
        }

        var scrubbed = scrubber.Scrub(text);
        scrubber.AssertNoSecrets(scrubbed);
        scrubbed.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithDiscriminator(caseName).NoDiff());
    }

    [Fact]
    public void Every_operation_of_the_spec_has_a_wire_case()
    {
        var operations = typeof(ISmartexClient).GetMethods()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..^"Async".Length])
            .Distinct()
            .Order(StringComparer.Ordinal);

        operations.ShouldBe(OperationCases.All.Keys.Select(OperationCases.OperationOf).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Signed_bodies_are_the_bytes_the_transport_receives()
    {
        var (client, transport) = TestClients.Canned("invoice");

        await client.CreateInvoiceAsync(new InvoiceRequest { Price = 10m, Currency = "USD" });

        var request = transport.Requests.ShouldHaveSingleItem();
        var message = Encoding.UTF8.GetString(SmartexRequestSigner.BuildMessage(request.Uri, request.BodyBytes));
        message.ShouldStartWith("https://smartex.io/invoices{");
        message.ShouldEndWith($",\"token\":\"{TestClients.PosToken}\"}}");
    }
}
