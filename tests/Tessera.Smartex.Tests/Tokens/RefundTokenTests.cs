using Tessera.Smartex.Identity;
using Tessera.Smartex.Tests.Infrastructure;
using Tessera.Smartex.Tests.Wire;

namespace Tessera.Smartex.Tests.Tokens;

/// <summary>
/// Refunds are authorised by the invoice's own resource token (sma README <c>invoices[0].get('refunds')</c>, GUIDE
/// <c>POST invoices/:invoiceID/refunds</c>), never by a paired facade token, and are signed like every merchant call.
/// </summary>
public sealed class RefundTokenTests
{
    [Fact]
    public async Task Listing_refunds_sends_the_invoice_token_in_the_signed_query_and_no_facade_token()
    {
        var (client, transport) = TestClients.Canned("refund-list");

        var refunds = await client.GetRefundsAsync(OperationCases.PaidInvoice());

        refunds.Data.Select(r => r.Id).ShouldBe(["R3fUnd1dXq2J9vA7kLmN0p"]);
        var request = transport.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe($"/invoices/{TestClients.InvoiceId}/refunds");
        request.Uri.Query.ShouldBe("?token=" + TestClients.InvoiceResourceToken);
        SmartexRequestSigner.Verify(request.Uri, request.BodyBytes, request.Header(SmartexHeaders.Identity)!, request.Header(SmartexHeaders.Signature)!).ShouldBeTrue();
    }

    [Fact]
    public async Task Requesting_a_refund_sends_the_invoice_token_and_a_guid_in_the_signed_body()
    {
        var (client, transport) = TestClients.Canned("refund");

        var refund = await client.CreateRefundAsync(OperationCases.PaidInvoice());

        refund.Data.Token.ShouldBe("r3fundRes0urceT0ken");
        var request = transport.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.BodyToken.ShouldBe(TestClients.InvoiceResourceToken);
        Guid.TryParseExact(Newtonsoft.Json.Linq.JObject.Parse(request.Body!)["guid"]!.ToString(), "D", out _).ShouldBeTrue();
        SmartexRequestSigner.Verify(request.Uri, request.BodyBytes, request.Header(SmartexHeaders.Identity)!, request.Header(SmartexHeaders.Signature)!).ShouldBeTrue();
    }

    [Fact]
    public async Task Extra_refund_members_are_sent_as_given()
    {
        var (client, transport) = TestClients.Canned("refund");
        var body = new RefundRequest { Guid = "caller-chosen" };
        body.AdditionalProperties["amount"] = 5m;

        await client.CreateRefundAsync(OperationCases.PaidInvoice(), body);

        var json = Newtonsoft.Json.Linq.JObject.Parse(transport.Requests.ShouldHaveSingleItem().Body!);
        json["guid"]!.ToString().ShouldBe("caller-chosen");
        json["amount"]!.ToString().ShouldBe("5");
        body.AdditionalProperties.ContainsKey("token").ShouldBeFalse("the caller's model is not changed");
    }

    [Fact]
    public async Task An_invoice_without_its_resource_token_fails_before_anything_is_sent()
    {
        var (client, transport) = TestClients.Canned("refund-list");
        var publicView = OperationCases.PaidInvoice();
        publicView.Token = null;

        var exception = await Should.ThrowAsync<ArgumentException>(() => client.GetRefundsAsync(publicView));

        exception.Message.ShouldContain("resource token");
        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_id_only_overload_has_no_token_to_send_and_sends_nothing()
    {
        var (client, transport) = TestClients.Canned("refund-list");

        var exception = await Should.ThrowAsync<InvalidOperationException>(() => client.GetRefundsAsync(TestClients.InvoiceId));

        exception.Message.ShouldContain("overload that takes the invoice");
        transport.Requests.ShouldBeEmpty();
    }
}
