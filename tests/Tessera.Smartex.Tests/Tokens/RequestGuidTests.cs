using Tessera.Smartex.Tests.Infrastructure;
using Tessera.Smartex.Tests.Wire;

namespace Tessera.Smartex.Tests.Tokens;

/// <summary>
/// The Node client gives every POST a fresh <c>guid</c> ("GUIDs (which are required for POSTs)"); this client does the
/// same for each POST body that declares one, keeps an explicit guid, and never changes the caller's model.
/// </summary>
public sealed class RequestGuidTests
{
    [Fact]
    public async Task Each_bill_created_carries_its_own_fresh_guid_and_the_model_is_left_alone()
    {
        var (client, transport) = TestClients.Canned("bill");
        var bill = OperationCases.NewBill();

        await client.CreateBillAsync(bill);
        await client.CreateBillAsync(bill);

        var guids = transport.Requests.Select(r => Newtonsoft.Json.Linq.JObject.Parse(r.Body!)["guid"]!.ToString()).ToList();
        guids.All(g => Guid.TryParseExact(g, "D", out _)).ShouldBeTrue();
        guids.Distinct().Count().ShouldBe(2, "a guid names one request, not one model");
        bill.Guid.ShouldBeNull();
    }

    [Fact]
    public async Task An_explicit_guid_is_sent_unchanged()
    {
        var (client, transport) = TestClients.Canned("bill");
        var bill = OperationCases.NewBill();
        bill.Guid = "my-resubmission-key";

        await client.CreateBillAsync(bill);

        Newtonsoft.Json.Linq.JObject.Parse(transport.Requests.ShouldHaveSingleItem().Body!)["guid"]!.ToString().ShouldBe("my-resubmission-key");
    }

    [Fact]
    public async Task Invoices_and_pairing_requests_get_a_guid_too_but_a_put_does_not()
    {
        var (client, transport) = TestClients.Canned(request => RecordingHandler.Json(Payloads.Read(request.Method == HttpMethod.Put ? "bill" : "invoice")));

        await client.CreateInvoiceAsync(OperationCases.NewInvoice());
        await client.UpdateBillAsync(OperationCases.UpdatedBill(), TestClients.BillId);

        var bodies = transport.Requests.Select(r => Newtonsoft.Json.Linq.JObject.Parse(r.Body!)).ToList();
        bodies[0].ContainsKey("guid").ShouldBeTrue();
        bodies[1].ContainsKey("guid").ShouldBeFalse();
    }

    [Fact]
    public void Bill_creation_is_not_marked_safe_to_retry_because_of_its_guid()
    {
        // No source says the server deduplicates on guid.
        SmartexClientOperations.CreateBill.SafeToRetry.ShouldBeFalse();
        SmartexClientOperations.CreateRefund.SafeToRetry.ShouldBeFalse();
    }
}
