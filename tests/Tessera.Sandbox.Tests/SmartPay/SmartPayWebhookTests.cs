using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Tests.SmartPay;

public sealed class SmartPayWebhookTests
{
    [Fact]
    public async Task Create_is_rejected_when_the_test_ping_is_not_answered_200()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;

        var refused = await sandbox.CallAsync("create_webhook", ("topic", "invoice/paid"), ("url", receiver.Url.ToString()));

        refused.ShouldBeError("7389");
        refused.Field("url").ShouldContain("HTTP 500");
        receiver.Received.Single().Topic.ShouldBe("webhook/created");

        var unreachable = await sandbox.CallAsync("create_webhook", ("topic", "invoice/paid"), ("url", "http://127.0.0.1:" + FreePort() + "/hooks"));
        unreachable.ShouldBeError("7389");
        unreachable.Field("url").ShouldContain("could not be reached");

        (await sandbox.CallAsync("create_webhook", ("topic", "invoice/paid"), ("url", "not a url"))).Field("url").ShouldNotBeNullOrEmpty();
        (await sandbox.CallAsync("create_webhook", ("topic", "webhook/created"), ("url", receiver.Url.ToString()))).Field("topic").ShouldNotBeNullOrEmpty();
        (await sandbox.CallAsync("get_webhooks")).Results().ShouldBeEmpty();
        sandbox.State.CreatedWebhookIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_succeeds_when_the_receiver_answers_200_and_the_ping_is_signed()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();

        var created = await sandbox.CallAsync("create_webhook", ("topic", "invoice/paid"), ("url", receiver.Url.ToString()));

        created.ShouldBeSuccess();
        var id = created["result"]!["webhook_id"].Text();
        sandbox.State.CreatedWebhookIds.ShouldBe([id]);
        var ping = receiver.Received.Single();
        ping.Topic.ShouldBe("webhook/created");
        ping.ContentType.ShouldStartWith("application/json");
        ping.Signature.ShouldBe(Sign(ping.Body));
        var body = JsonNode.Parse(ping.Body)!;
        body["is_dummy"]!.GetValue<bool>().ShouldBeTrue();
        body["data"]!["webhook_id"].Text().ShouldBe(id);

        var listed = await sandbox.CallAsync("get_webhooks", ("topic", "invoice/paid"));
        listed["number_of_results"]!.GetValue<int>().ShouldBe(1);
        listed.Results().Single()["url"].Text().ShouldBe(receiver.Url.ToString());
        (await sandbox.CallAsync("get_webhooks", ("url", "http://elsewhere.example/"))).Results().ShouldBeEmpty();

        var duplicate = await sandbox.CallAsync("create_webhook", ("topic", "invoice/paid"), ("url", receiver.Url.ToString()));
        duplicate.Field("topic").ShouldContain("already exists");
        sandbox.State.Deliveries.ShouldAllBe(delivery => delivery.SignatureValid);
    }

    [Fact]
    public async Task A_delivery_carries_the_topic_and_a_valid_HMAC_over_the_raw_body()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = (await sandbox.CallAsync("create_webhook", ("topic", "invoice/paid"), ("url", receiver.Url.ToString())))["result"]!["webhook_id"].Text();
        var invoice = sandbox.State.Store.Invoices.First(candidate => candidate.IsEnabled && candidate.DatePaid is null && !candidate.IsDummy);
        var order = sandbox.State.Store.OrdersById[invoice.OrderId];

        var deliveries = await sandbox.State.PayInvoiceAsync(invoice.Id);

        deliveries.ShouldHaveSingleItem().ShouldBe((webhookId, "invoice/paid", receiver.Url.ToString(), 200, 2, true));
        var notification = receiver.Received.Last();
        notification.Topic.ShouldBe("invoice/paid");
        notification.Signature.ShouldBe(Sign(notification.Body));
        Convert.FromBase64String(notification.Signature).Length.ShouldBe(32);
        var data = JsonNode.Parse(notification.Body)!["data"]!;
        data["order_custom_id"]?.GetValue<string>().ShouldBe(order.CustomId);
        data["payment_method"].Text().ShouldBe(invoice.PaymentMethod);
        data["invoice_id"].Text().ShouldBe(invoice.Id);

        var listed = (await sandbox.CallAsync("get_invoices", ("invoice_id", invoice.Id))).Results().Single();
        listed["date_paid"].Text().ShouldBe("2026-03-16 15:30:00");
        await Should.ThrowAsync<InvalidOperationException>(() => sandbox.State.PayInvoiceAsync(invoice.Id));
    }

    [Fact]
    public async Task A_signature_with_another_key_is_reported_invalid()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync(options => options.SmartPay.WebhookSigningKey = "iframe-key");
        await using var receiver = await WebhookReceiver.StartAsync();

        (await sandbox.CallAsync("create_webhook", ("topic", "order/created"), ("url", receiver.Url.ToString())))["result"].ShouldNotBeNull();

        var ping = receiver.Received.Single();
        ping.Signature.ShouldNotBe(Sign(ping.Body));
        sandbox.State.Deliveries.Single().SignatureValid.ShouldBeFalse();
    }

    [Fact]
    public async Task A_webhook_is_disabled_after_20_consecutive_failed_deliveries_and_enabled_again_by_modify()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = (await sandbox.CallAsync("create_webhook", ("topic", "invoice/created"), ("url", receiver.Url.ToString())))["result"]!["webhook_id"].Text();
        var consumer = sandbox.State.Store.Orders[0].ConsumerId;
        receiver.Status = 503;

        for (var failure = 1; failure <= 20; failure++)
        {
            sandbox.State.IsWebhookEnabled(webhookId).ShouldBeTrue();
            var (_, _, deliveries) = await sandbox.State.CreateOrderAsync(consumer, 10m + failure);
            deliveries.ShouldHaveSingleItem().Status.ShouldBe(503);
        }

        sandbox.State.IsWebhookEnabled(webhookId).ShouldBeFalse();
        (await sandbox.State.CreateOrderAsync(consumer, 99m)).Deliveries.ShouldBeEmpty();
        receiver.Received.Count.ShouldBe(21);
        sandbox.State.Deliveries.Count(delivery => delivery.Topic == "invoice/created").ShouldBe(20);

        receiver.Status = 200;
        (await sandbox.CallAsync("modify_webhook", ("webhook_id", webhookId), ("url", receiver.Url.ToString())))["result"]!["webhook_id"].Text().ShouldBe(webhookId);
        sandbox.State.IsWebhookEnabled(webhookId).ShouldBeTrue();
        (await sandbox.State.CreateOrderAsync(consumer, 5m)).Deliveries.ShouldHaveSingleItem().Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync(options => options.SmartPay.MaxFailedDeliveries = 3);
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = (await sandbox.CallAsync("create_webhook", ("topic", "order/created"), ("url", receiver.Url.ToString())))["result"]!["webhook_id"].Text();
        var consumer = sandbox.State.Store.Orders[0].ConsumerId;

        foreach (var status in new[] { 500, 500, 200, 500, 500 })
        {
            receiver.Status = status;
            await sandbox.State.CreateOrderAsync(consumer, 10m);
        }

        sandbox.State.IsWebhookEnabled(webhookId).ShouldBeTrue();
        receiver.Status = 404;
        await sandbox.State.CreateOrderAsync(consumer, 10m);
        sandbox.State.IsWebhookEnabled(webhookId).ShouldBeFalse();
    }

    [Fact]
    public async Task Modify_pings_the_new_url_and_delete_stops_deliveries()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        await using var first = await WebhookReceiver.StartAsync();
        await using var second = await WebhookReceiver.StartAsync();
        var webhookId = (await sandbox.CallAsync("create_webhook", ("topic", "order/created"), ("url", first.Url.ToString())))["result"]!["webhook_id"].Text();

        second.Status = 404;
        (await sandbox.CallAsync("modify_webhook", ("webhook_id", webhookId), ("url", second.Url.ToString()))).Field("url").ShouldContain("HTTP 404");
        (await sandbox.CallAsync("get_webhooks")).Results().Single()["url"].Text().ShouldBe(first.Url.ToString());

        second.Status = 200;
        var modified = await sandbox.CallAsync("modify_webhook", ("webhook_id", webhookId), ("url", second.Url.ToString()), ("topic", "order/cancelled"));
        modified.ShouldBeSuccess();
        modified["warnings"]!["2201"].Text().ShouldContain("topic");
        var listed = (await sandbox.CallAsync("get_webhooks")).Results().Single();
        listed["url"].Text().ShouldBe(second.Url.ToString());
        listed["topic"].Text().ShouldBe("order/created");
        (await sandbox.CallAsync("modify_webhook", ("webhook_id", "nosuchhook"), ("url", second.Url.ToString()))).ShouldBeError("8344");

        (await sandbox.CallAsync("delete_webhook", ("webhook_id", webhookId)))["result"]!["status"].Text().ShouldBe("success");
        (await sandbox.State.CreateOrderAsync(sandbox.State.Store.Orders[0].ConsumerId, 10m)).Deliveries.ShouldBeEmpty();
        (await sandbox.CallAsync("delete_webhook", ("webhook_id", webhookId))).ShouldBeError("8344");
    }

    internal static string Sign(byte[] body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("sandbox-api-key"), body));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
