using System.Net;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Tests.Infrastructure;
using Tessera.Smartex.Tokens;

namespace Tessera.Smartex.Tests.Tokens;

public sealed class FacadeInjectionTests
{
    [Theory]
    [InlineData("getInvoices")]
    [InlineData("getBills")]
    [InlineData("getBill")]
    [InlineData("getLedgers")]
    [InlineData("getInvoice")]
    public async Task Get_operations_carry_the_merchant_token_in_the_signed_query(string caseName)
    {
        var request = await SendAsync(caseName, ["pos", "merchant"]);

        request.QueryToken.ShouldBe(TestClients.MerchantToken);
        request.Body.ShouldBeNull();
        request.Header(SmartexHeaders.Signature).ShouldNotBeNull();
        SmartexRequestSigner.GetSignedUrl(request.Uri).ShouldEndWith("token=" + TestClients.MerchantToken);
    }

    [Theory]
    [InlineData("createBill", "merchant")]
    [InlineData("updateBill", "merchant")]
    [InlineData("deliverBill", "merchant")]
    [InlineData("createInvoice", "pos")]
    public async Task Post_and_put_operations_carry_the_token_in_the_signed_body(string caseName, string facade)
    {
        var request = await SendAsync(caseName, ["pos", "merchant"]);

        request.BodyToken.ShouldBe(facade == "pos" ? TestClients.PosToken : TestClients.MerchantToken);
        request.QueryToken.ShouldBeNull();
        request.Header(SmartexHeaders.Signature).ShouldNotBeNull();
    }

    [Fact]
    public async Task Create_invoice_falls_back_to_the_merchant_token()
    {
        var request = await SendAsync("createInvoice", ["merchant"]);

        request.BodyToken.ShouldBe(TestClients.MerchantToken);
    }

    [Theory]
    [InlineData("getRates")]
    [InlineData("getCurrencies")]
    [InlineData("createToken")]
    public async Task Public_operations_carry_no_token_and_no_signature(string caseName)
    {
        var request = await SendAsync(caseName, ["pos", "merchant"]);

        request.QueryToken.ShouldBeNull();
        (request.Body is null || !request.Body.Contains("\"token\"", StringComparison.Ordinal)).ShouldBeTrue();
        request.Header(SmartexHeaders.Signature).ShouldBeNull();
        request.Header(SmartexHeaders.Identity).ShouldBeNull();
    }

    [Fact]
    public async Task Get_tokens_is_signed_without_a_token()
    {
        var request = await SendAsync("getTokens", ["pos", "merchant"]);

        request.Uri.AbsoluteUri.ShouldBe("https://smartex.io/tokens");
        request.Header(SmartexHeaders.Signature).ShouldNotBeNull();
    }

    [Fact]
    public async Task Get_invoice_without_a_merchant_token_uses_the_unsigned_public_view()
    {
        var request = await SendAsync("getInvoice", ["pos"]);

        request.Uri.Query.ShouldBeEmpty();
        request.Header(SmartexHeaders.Signature).ShouldBeNull();
    }

    [Theory]
    [InlineData("createInvoice")]
    [InlineData("getInvoices")]
    [InlineData("createBill")]
    [InlineData("getLedgers")]
    public async Task An_unpaired_operation_fails_before_anything_is_sent(string caseName)
    {
        var (_, _, call) = Wire.OperationCases.All[caseName];
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json("{}"), facades: []);

        var exception = await Should.ThrowAsync<SmartexNotPairedException>(() => call(client));

        transport.Requests.ShouldBeEmpty();
        exception.OperationId.ShouldBe(caseName);
        exception.Message.ShouldContain("PairWithCodeAsync");
        exception.Message.ShouldContain("RequestTokenAsync");
        exception.Message.ShouldContain(TestClients.Sin);
    }

    [Fact]
    public async Task An_explicit_body_token_is_kept_for_a_bill_delivery_with_its_resource_token()
    {
        var (client, transport) = TestClients.Canned("bill-delivery", facades: []);
        var body = new BillDeliveryRequest();
        body.AdditionalProperties["token"] = TestClients.BillResourceToken;

        await client.DeliverBillAsync(body, TestClients.BillId);

        var request = transport.Requests.ShouldHaveSingleItem();
        request.BodyToken.ShouldBe(TestClients.BillResourceToken);
        SmartexRequestSigner.Verify(request.Uri, request.BodyBytes, request.Header(SmartexHeaders.Identity)!, request.Header(SmartexHeaders.Signature)!).ShouldBeTrue();
    }

    [Fact]
    public async Task A_retried_get_sends_the_token_once_and_a_valid_signature_each_time()
    {
        var attempts = 0;
        var (client, transport) = TestClients.Canned(
            _ => ++attempts == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : RecordingHandler.Json(Payloads.Read("ledgers")),
            options =>
            {
                options.Resilience.MaxRetryAttempts = 1;
                options.Resilience.BaseDelay = TimeSpan.Zero;
                options.Resilience.MaxDelay = TimeSpan.Zero;
            });

        await client.GetLedgersAsync();

        transport.Requests.Count.ShouldBe(2);
        foreach (var request in transport.Requests)
        {
            request.Uri.Query.ShouldBe("?token=" + TestClients.MerchantToken);
            SmartexRequestSigner.Verify(request.Uri, request.BodyBytes, request.Header(SmartexHeaders.Identity)!, request.Header(SmartexHeaders.Signature)!).ShouldBeTrue();
        }
    }

    private static async Task<RecordedRequest> SendAsync(string caseName, string[] facades)
    {
        var (payload, _, call) = Wire.OperationCases.All[caseName];
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read(payload)), facades: facades);
        await call(client);
        return transport.Requests.ShouldHaveSingleItem();
    }
}
