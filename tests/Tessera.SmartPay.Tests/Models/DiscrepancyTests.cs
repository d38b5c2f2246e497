using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Models;

/// <summary>
/// The client reads what SmartPay really sends, not only what it documents: one test per ambiguity-register entry
/// (A1–A30 in specs/smartpay.yaml and reference smartpay.md §5) that affects reading, through the real pipeline.
/// </summary>
public sealed class DiscrepancyTests
{
    private static SmartPayClient ClientAnswering(string json) =>
        TestClients.Canned(_ => TestClients.Json(json)).Client;

    private static SmartPayClient ClientAnsweringPayload(string payload) => ClientAnswering(Payloads.Read(payload));

    [Fact]
    public async Task A11_echoed_inputs_and_requested_on_are_kept_but_do_not_disturb_the_result()
    {
        var response = await ClientAnsweringPayload("consumer-reference").CreateConsumerAsync(Wire.OperationCases.NewConsumer());

        response.Result!.ConsumerId.ShouldBe("gHi789");
        response.RequestedOn.ShouldBe(new DateTimeOffset(2026, 1, 1, 0, 0, 5, TimeSpan.Zero));
        response.AdditionalProperties.Keys.ShouldBe(["token", "format", "first_name", "last_name", "is_dummy"], ignoreOrder: true);
    }

    [Fact]
    public async Task A12_booleans_integers_and_amounts_are_read_from_strings_and_integers()
    {
        var consumers = (await ClientAnsweringPayload("consumer-list").GetConsumersAsync(new GetConsumersRequest())).Result!;

        consumers.Select(c => c.IsDummy).ShouldBe([false, true, true]);
        consumers.Select(c => c.NumberOfOrders).ShouldBe([3, 0, 12]);
        consumers.Select(c => c.AmountPurchased).ShouldBe([150.00m, 0.00m, 1249.5m]);
    }

    [Fact]
    public async Task A12_list_envelope_numbers_may_be_strings()
    {
        var webhooks = await ClientAnsweringPayload("webhook-list").GetWebhooksAsync(new GetWebhooksRequest());

        webhooks.Page.ShouldBe(1);
        webhooks.TotalPages.ShouldBe(1);
        webhooks.NumberOfResults.ShouldBe(2);
    }

    [Fact]
    public async Task A13_null_and_empty_dates_and_custom_ids_read_as_null()
    {
        var invoices = (await ClientAnsweringPayload("invoice-list").GetInvoicesAsync(new GetInvoicesRequest())).Result!;

        invoices[0].DatePaid.ShouldBe(new DateTimeOffset(2026, 1, 1, 14, 0, 0, TimeSpan.Zero));
        invoices[0].DateFailed.ShouldBeNull();
        invoices[1].DatePaid.ShouldBeNull("an empty date_paid means not paid yet");
        invoices[1].DateFailed.ShouldBe(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        invoices[1].DateRemitted.ShouldBeNull();
    }

    [Fact]
    public async Task A18_legacy_order_amounts_are_read_when_present_and_unknown_payment_methods_survive()
    {
        var orders = (await ClientAnsweringPayload("order-list").GetOrdersAsync(new GetOrdersRequest())).Result!;

#pragma warning disable CS0612, CS0618
        orders[0].SingleAmount.ShouldBeNull();
        orders[1].SingleAmount.ShouldBe(49.99m);
        orders[1].RecurringAmount.ShouldBeNull();
        orders[1].PaymentMethod!.Value.IsKnown.ShouldBeFalse();
        orders[1].PaymentMethod!.Value.Value.ShouldBe("x");
#pragma warning restore CS0612, CS0618
        orders[1].IsEnabled.ShouldBe(false);
    }

    [Fact]
    public async Task Payment_method_matches_in_any_case()
    {
        var invoices = (await ClientAnsweringPayload("invoice-list").GetInvoicesAsync(new GetInvoicesRequest())).Result!;

        invoices[0].PaymentMethod.ShouldBe(PaymentMethod.Debit);
        invoices[1].PaymentMethod.ShouldBe(PaymentMethod.InteracETransfer);
    }

    [Fact]
    public async Task A21_unknown_webhook_topics_are_read()
    {
        var webhooks = (await ClientAnsweringPayload("webhook-list").GetWebhooksAsync(new GetWebhooksRequest())).Result!;

        webhooks[1].Topic.ShouldBe(SmartPayWebhookTopics.InvoiceRefunded);
    }

    [Theory]
    [InlineData("""{"warnings":[],"result":{"status":"success"}}""", 0)]
    [InlineData("""{"warnings":[[12,"Unspecified format"]],"result":{"status":"success"}}""", 1)]
    [InlineData("""{"warnings":{"3841":"No page number specified, so defaulted to 1"},"result":{"status":"success"}}""", 1)]
    [InlineData("""{"warnings":null,"result":{"status":"success"}}""", -1)]
    public async Task A2_A10_warnings_are_read_in_every_shape_and_never_fail(string json, int count)
    {
        var response = await ClientAnswering(json).DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });

        response.Result!.Status.ShouldBe(OperationStatus.Success);
        if (count < 0)
        {
            response.Warnings.ShouldBeNull();
        }
        else
        {
            response.Warnings!.Count.ShouldBe(count);
        }
    }

    [Fact]
    public async Task A2_errors_as_2018_pairs_are_typed_too()
    {
        var exception = await Should.ThrowAsync<SmartPayErrorResponseException>(() =>
            ClientAnswering("""{"errors":[[8344,"Invalid ID"]]}""").DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "nope" }));

        exception.Errors.ShouldBe(new Dictionary<string, string> { ["8344"] = "Invalid ID" });
    }

    [Fact]
    public async Task Failed_status_of_v1_0_is_read()
    {
        var response = await ClientAnswering("""{"result":{"status":"failure"}}""").DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "w" });

        response.Result!.Status.ShouldBe(OperationStatus.Failure);
    }
}
