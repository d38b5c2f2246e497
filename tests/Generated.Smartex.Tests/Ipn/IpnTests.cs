using System.Net;
using Generated.Smartex.Identity;
using Generated.Smartex.Ipn;
using Generated.Smartex.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Generated.Smartex.Tests.Ipn;

public sealed class IpnTests
{
    private static string Notification(Action<JObject>? change = null)
    {
        var invoice = (JObject)JObject.Parse(Payloads.Read("invoice"))["data"]!;
        change?.Invoke(invoice);
        return invoice.ToString();
    }

    [Fact]
    public async Task A_matching_notification_is_confirmed_by_re_fetching_the_invoice_with_the_merchant_token()
    {
        var (client, transport) = TestClients.Canned("invoice");

        var confirmed = await new SmartexIpn(client).ConfirmAsync(Notification());

        confirmed.Invoice.Id.ShouldBe(TestClients.InvoiceId);
        confirmed.Status.ShouldBe(InvoiceStatus.New);
        confirmed.StatusChanged.ShouldBeFalse();
        var request = transport.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe("/invoices/" + TestClients.InvoiceId);
        request.QueryToken.ShouldBe(TestClients.MerchantToken);
        request.Header(SmartexHeaders.Signature).ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_a_merchant_token_the_public_view_confirms()
    {
        var (client, transport) = TestClients.Canned("invoice", facades: ["pos"]);

        var confirmed = await new SmartexIpn(client).ConfirmAsync(Notification());

        confirmed.Invoice.Id.ShouldBe(TestClients.InvoiceId);
        transport.Requests.ShouldHaveSingleItem().Header(SmartexHeaders.Signature).ShouldBeNull();
    }

    [Fact]
    public async Task A_notified_status_that_differs_yields_the_authoritative_one()
    {
        var (client, _) = TestClients.Canned("invoice");

        var confirmed = await new SmartexIpn(client).ConfirmAsync(Notification(i => i["status"] = "confirmed"));

        confirmed.NotifiedStatus.ShouldBe(InvoiceStatus.Confirmed);
        confirmed.Status.ShouldBe(InvoiceStatus.New);
        confirmed.StatusChanged.ShouldBeTrue();
    }

    [Theory]
    [InlineData("price", "2000")]
    [InlineData("currency", "EUR")]
    [InlineData("posData", "{\"orderId\":\"6666\"}")]
    [InlineData("orderId", "6666")]
    [InlineData("url", "https://test.smartex.io/invoice?id=AbCdEfGhIjKlMnOpQrStUv")]
    public async Task A_notification_that_disagrees_on_an_immutable_field_is_rejected(string field, string value)
    {
        var (client, _) = TestClients.Canned("invoice");

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(Notification(i => i[field] = value)));

        exception.Reason.ShouldBe(SmartexIpnRejection.InvoiceMismatch);
        exception.Mismatches.ShouldBe([field]);
        exception.InvoiceId.ShouldBe(TestClients.InvoiceId);
        exception.Message.ShouldNotContain(value);
    }

    [Fact]
    public async Task An_unknown_invoice_is_rejected()
    {
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json("{\"error\":\"Object not found\"}", HttpStatusCode.NotFound));

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(Notification(i => i["id"] = "Forged0000000000000000")));

        exception.Reason.ShouldBe(SmartexIpnRejection.UnknownInvoice);
        exception.InvoiceId.ShouldBe("Forged0000000000000000");
        exception.InnerException.ShouldBeOfType<SmartexErrorException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"status\":\"paid\"}")]
    public async Task A_malformed_body_is_rejected_without_a_request(string body)
    {
        var (client, transport) = TestClients.Canned("invoice");

        var exception = await Should.ThrowAsync<SmartexIpnRejectedException>(() => new SmartexIpn(client).ConfirmAsync(body));

        exception.Reason.ShouldBe(SmartexIpnRejection.MalformedNotification);
        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_transient_failure_of_the_re_fetch_propagates_so_the_receiver_answers_5xx()
    {
        var (client, _) = TestClients.Canned(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var exception = await Should.ThrowAsync<SmartexApiException>(() => new SmartexIpn(client).ConfirmAsync(Notification()));

        exception.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public void Parse_reads_the_unwrapped_invoice_with_lenient_values()
    {
        var invoice = SmartexIpn.Parse(Notification(i => i["exceptionStatus"] = "paidOver"));

        invoice.Id.ShouldBe(TestClients.InvoiceId);
        invoice.EthPrice.ShouldBe(0.0632m);
        invoice.ExceptionStatus.ShouldBe("paidOver");
        invoice.InvoiceTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1461855420000));
    }
}
