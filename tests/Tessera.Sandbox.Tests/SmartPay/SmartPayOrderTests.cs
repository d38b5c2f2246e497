using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Tests.SmartPay;

public sealed class SmartPayOrderTests
{
    [Fact]
    public async Task Cancel_order_notifies_order_cancelled_and_cannot_be_repeated()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await sandbox.CallAsync("create_webhook", ("topic", "order/cancelled"), ("url", receiver.Url.ToString()));
        var order = sandbox.State.Store.Orders.First(candidate => candidate.IsEnabled);

        (await sandbox.CallAsync("cancel_order", ("order_id", order.Id)))["result"]!["status"].Text().ShouldBe("success");
        await sandbox.State.WaitForDeliveriesAsync();

        var notification = receiver.Received.Last();
        notification.Topic.ShouldBe("order/cancelled");
        notification.Signature.ShouldBe(SmartPayWebhookTests.Sign(notification.Body));
        JsonNode.Parse(notification.Body)!["data"]!["order_id"].Text().ShouldBe(order.Id);
        (await sandbox.CallAsync("get_orders", ("order_id", order.Id))).Results().Single()["is_enabled"]!.GetValue<int>().ShouldBe(0);
        (await sandbox.CallAsync("cancel_order", ("order_id", order.Id))).ShouldBeError("9782");
        (await sandbox.CallAsync("modify_order", ("order_id", order.Id), ("custom_order_id", "X1"))).ShouldBeError("9782");
        (await sandbox.CallAsync("cancel_order", ("order_id", "nosuchorder"))).ShouldBeError("8344");
    }

    [Fact]
    public async Task Cancelling_a_paid_invoice_refunds_it_and_notifies_cancelled_and_refunded()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await sandbox.CallAsync("create_webhook", ("topic", "invoice/cancelled"), ("url", receiver.Url.ToString()));
        await sandbox.CallAsync("create_webhook", ("topic", "invoice/refunded"), ("url", receiver.Url.ToString()));
        var invoice = sandbox.State.Store.Invoices.First(candidate => candidate.IsEnabled && candidate.DatePaid is not null);
        var purchasedBefore = decimal.Parse(
            (await sandbox.CallAsync("get_consumers", ("consumer_id", invoice.ConsumerId))).Results().Single()["amount_purchased"]!.ToJsonString(),
            System.Globalization.CultureInfo.InvariantCulture);

        (await sandbox.CallAsync("cancel_invoice", ("invoice_id", invoice.Id))).ShouldBeSuccess();
        await sandbox.State.WaitForDeliveriesAsync();

        receiver.Received.Skip(2).Select(notification => notification.Topic).ShouldBe(["invoice/cancelled", "invoice/refunded"]);
        (await sandbox.CallAsync("get_invoices", ("invoice_id", invoice.Id))).Results().Single()["is_enabled"].Text().ShouldBe("false");
        var purchasedAfter = decimal.Parse(
            (await sandbox.CallAsync("get_consumers", ("consumer_id", invoice.ConsumerId))).Results().Single()["amount_purchased"]!.ToJsonString(),
            System.Globalization.CultureInfo.InvariantCulture);
        purchasedAfter.ShouldBe(purchasedBefore - invoice.AmountDiscounted);
        (await sandbox.CallAsync("cancel_invoice", ("invoice_id", invoice.Id))).ShouldBeError("7643");
        (await sandbox.CallAsync("cancel_invoice")).Field("invoice_id").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Modify_order_changes_the_custom_id_and_recurring_amount_and_returns_the_full_order()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        var order = sandbox.State.Store.Orders.First(candidate => candidate.IsEnabled);

        var body = await sandbox.CallAsync("modify_order", ("order_id", order.Id), ("custom_order_id", "WOO1234"), ("recurring_amount", "12.5"));

        body.ShouldBeSuccess();
        var result = body["result"]!;
        result["custom_order_id"].Text().ShouldBe("WOO1234");
        result["recurring_amount"].Text().ShouldBe("12.50");
        result["single_amount"].Text().ShouldMatch(@"^\d+\.\d{2}$");
        (await sandbox.CallAsync("get_orders", ("custom_order_id", "WOO1234"))).Results().Single()["order_id"].Text().ShouldBe(order.Id);
        (await sandbox.CallAsync("modify_order", ("order_id", order.Id), ("recurring_amount", "-1"))).Field("recurring_amount").ShouldNotBeNullOrEmpty();
        (await sandbox.CallAsync("modify_order", ("order_id", order.Id), ("custom_order_id", "not valid!"))).ShouldBeError("7389");
    }

    [Fact]
    public async Task State_hooks_create_orders_and_fail_invoices_on_the_sandbox_clock()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await sandbox.CallAsync("create_webhook", ("topic", "order/created"), ("url", receiver.Url.ToString()));
        await sandbox.CallAsync("create_webhook", ("topic", "invoice/created"), ("url", receiver.Url.ToString()));
        var consumer = sandbox.State.Store.Consumers[0].Id;

        var (orderId, invoiceId, deliveries) = await sandbox.State.CreateOrderAsync(consumer, 49.9m, "e", "WOO777");

        deliveries.Select(delivery => delivery.Topic).ShouldBe(["order/created", "invoice/created"]);
        sandbox.State.OrderCount.ShouldBe(301);
        var order = (await sandbox.CallAsync("get_orders", ("custom_order_id", "WOO777"))).Results().Single();
        order["order_id"].Text().ShouldBe(orderId);
        order["payment_method"].Text().ShouldBe("e");
        var invoice = (await sandbox.CallAsync("get_invoices", ("order_id", orderId))).Results().Single();
        invoice["invoice_id"].Text().ShouldBe(invoiceId);
        invoice["amount"].Text().ShouldBe("49.90");
        invoice["date_paid"].ShouldBeNull();

        sandbox.Clock.Advance(TimeSpan.FromMinutes(30));
        (await sandbox.State.FailInvoiceAsync(invoiceId)).ShouldBeEmpty();
        (await sandbox.CallAsync("get_invoices", ("invoice_id", invoiceId))).Results().Single()["date_failed"].Text().ShouldBe("2026-03-16 16:00:00");

        await Should.ThrowAsync<ArgumentException>(() => sandbox.State.PayInvoiceAsync("nosuchinvoice"));
        await Should.ThrowAsync<ArgumentException>(() => sandbox.State.CreateOrderAsync("nosuchconsumer", 1m));
    }
}
