namespace Tessera.SmartPay.Tests.Wire;

/// <summary>One representative call of every operation in specs/smartpay.yaml, with the payload its response carries.</summary>
public static class OperationCases
{
    public static readonly DateTimeOffset From = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    // An offset on purpose: SmartPay wants UTC without offset, so this goes out as 2026-01-01 04:59:59.
    public static readonly DateTimeOffset To = new(2025, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5));

#pragma warning disable CS0618 // The deprecated original-v1.2 operations are part of the spec and get a wire case too.
    public static readonly IReadOnlyDictionary<string, (string Payload, Func<SmartPayClient, Task> Call)> All = new Dictionary<string, (string, Func<SmartPayClient, Task>)>
    {
        ["getConsumers"] = ("consumer-list", c => c.GetConsumersAsync(new GetConsumersRequest { Page = 2, Name = "Rob", Email = "rob.smith@email.com", CustomConsumerId = "CRM1001", CreatedFrom = From, CreatedTo = To })),
        ["createConsumer"] = ("consumer-reference", c => c.CreateConsumerAsync(NewConsumer())),
        ["modifyConsumer"] = ("consumer", c => c.ModifyConsumerAsync(new ModifyConsumerRequest { ConsumerId = "aBc123", Phone = "555-555-0100", City = "Toronto" })),
        ["deleteConsumer"] = ("status", c => c.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "aBc123" })),
        ["getOrders"] = ("order-list", c => c.GetOrdersAsync(new GetOrdersRequest { CustomOrderId = "WC10042", PaymentMethod = PaymentMethod.InteracETransfer, CreatedFrom = From })),
        ["modifyOrder"] = ("order", c => c.ModifyOrderAsync(new ModifyOrderRequest { OrderId = "oRd001", CustomOrderId = "WC10043", RecurringAmount = 10.00m })),
        ["cancelOrder"] = ("status", c => c.CancelOrderAsync(new CancelOrderRequest { OrderId = "oRd001" })),
        ["getInvoices"] = ("invoice-list", c => c.GetInvoicesAsync(new GetInvoicesRequest { OrderId = "oRd001", PaymentMethod = PaymentMethod.Debit, CreatedTo = To })),
        ["cancelInvoice"] = ("status", c => c.CancelInvoiceAsync(new CancelInvoiceRequest { InvoiceId = "iNv001" })),
        ["getWebhooks"] = ("webhook-list", c => c.GetWebhooksAsync(new GetWebhooksRequest { Topic = SmartPayWebhookTopics.InvoicePaid })),
        ["createWebhook"] = ("webhook-reference", c => c.CreateWebhookAsync(new CreateWebhookRequest { Topic = SmartPayWebhookTopics.InvoicePaid, Url = new Uri("https://shop.example.com/webhooks/smartpay?site=1&lang=en") })),
        ["modifyWebhook"] = ("webhook-reference", c => c.ModifyWebhookAsync(new ModifyWebhookRequest { WebhookId = "wHk001", Url = new Uri("https://shop.example.com/hooks/smartpay") })),
        ["deleteWebhook"] = ("status", c => c.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = "wHk001" })),
    };
#pragma warning restore CS0618

    public static IEnumerable<object[]> Names() => All.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    public static CreateConsumerRequest NewConsumer() => new()
    {
        FirstName = "Bob",
        LastName = "Test",
        Email = "bob+test@example.com",
        Phone = "555 555-0100",
        StreetAddress = "123 Street",
        City = "Toronto",
        ProvinceState = "ON",
        Country = "CA",
        PostalCode = "M1M 1M1",
        CustomConsumerId = "CRM1001",
        IsDummy = true,
    };
}
