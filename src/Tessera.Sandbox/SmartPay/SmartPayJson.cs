using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// Writes the sandbox records as SmartPay wire JSON, with the property names of specs/smartpay.yaml. The lenient wire
/// forms the spec allows (A12) are each exercised somewhere, so a client that reads only the tidy form fails here
/// rather than in production:
/// <list type="bullet">
/// <item>consumers: <c>is_dummy</c> a JSON boolean, counts and <c>amount_purchased</c> JSON numbers;</item>
/// <item>orders: <c>is_dummy</c>/<c>is_enabled</c> the integers 1/0 (as the real v1.0 echoed), <c>number_of_invoices</c>
/// a string of digits, the legacy amounts (modify_order) numeric strings;</item>
/// <item>invoices: <c>is_dummy</c>/<c>is_enabled</c> the strings "true"/"false", amounts numeric strings (PHP
/// decimals), <c>date_paid</c>/<c>date_failed</c> null until they happen (A13);</item>
/// <item>custom ids null when never set.</item>
/// </list>
/// </summary>
internal static class SmartPayJson
{
    /// <summary>Serializer settings of every response: compact, accents and apostrophes written as themselves.</summary>
    public static readonly JsonSerializerOptions WireOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(WireOptions), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>An amount with exactly two decimals (150 → 150.00).</summary>
    public static decimal TwoDecimals(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>An amount as a JSON number written with two decimals (<c>150.00</c>, as the docs show it).</summary>
    public static JsonNode AmountNumber(decimal value) =>
        JsonNode.Parse(TwoDecimals(value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))!;

    public static JsonNode AmountString(decimal value) =>
        JsonValue.Create(TwoDecimals(value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

    public static JsonNode? NullableTimestamp(DateTimeOffset? value) =>
        value is { } moment ? JsonValue.Create(SmartPayStore.FormatTimestamp(moment)) : null;

    public static JsonObject Consumer(SmartPayStore store, SmartPayConsumer consumer) => new()
    {
        ["consumer_id"] = consumer.Id,
        ["custom_consumer_id"] = consumer.CustomId,
        ["name"] = consumer.Name,
        ["email"] = consumer.Email,
        ["phone"] = consumer.Phone,
        ["street_address"] = consumer.StreetAddress,
        ["city"] = consumer.City,
        ["province_state"] = consumer.ProvinceState,
        ["country"] = consumer.Country,
        ["postal_code"] = consumer.PostalCode,
        ["is_dummy"] = consumer.IsDummy,
        ["number_of_orders"] = store.OrderCountOf(consumer.Id),
        ["amount_purchased"] = AmountNumber(store.AmountPurchasedBy(consumer.Id)),
    };

    /// <summary>An order as <c>get_orders</c> lists it (Aug-2019 fields plus the legacy <c>payment_method</c>, which the filter needs).</summary>
    public static JsonObject Order(SmartPayStore store, SmartPayOrder order) => new()
    {
        ["order_id"] = order.Id,
        ["custom_order_id"] = order.CustomId,
        ["consumer_id"] = order.ConsumerId,
        ["name"] = store.ConsumersById.TryGetValue(order.ConsumerId, out var consumer) ? consumer.Name : string.Empty,
        ["is_dummy"] = order.IsDummy ? 1 : 0,
        ["is_enabled"] = order.IsEnabled ? 1 : 0,
        ["number_of_invoices"] = order.Invoices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["payment_method"] = order.PaymentMethod,
    };

    /// <summary>The full order of the original v1.2 (<c>modify_order</c>), legacy amounts included.</summary>
    public static JsonObject FullOrder(SmartPayStore store, SmartPayOrder order)
    {
        var json = Order(store, order);
        json["single_amount"] = AmountString(order.SingleAmount);
        json["single_amount_discounted"] = AmountString(order.SingleAmountDiscounted);
        json["recurring_amount"] = order.RecurringAmount is { } recurring ? AmountString(recurring) : null;
        json["recurring_amount_discounted"] = order.RecurringAmountDiscounted is { } discounted ? AmountString(discounted) : null;
        return json;
    }

    public static JsonObject Invoice(SmartPayStore store, SmartPayInvoice invoice) => new()
    {
        ["invoice_id"] = invoice.Id,
        ["order_id"] = invoice.OrderId,
        ["consumer_id"] = invoice.ConsumerId,
        ["name"] = store.ConsumersById.TryGetValue(invoice.ConsumerId, out var consumer) ? consumer.Name : string.Empty,
        ["amount"] = AmountString(invoice.Amount),
        ["amount_discounted"] = AmountString(invoice.AmountDiscounted),
        ["payment_method"] = invoice.PaymentMethod,
        ["is_dummy"] = invoice.IsDummy ? "true" : "false",
        ["is_enabled"] = invoice.IsEnabled ? "true" : "false",
        ["date_paid"] = NullableTimestamp(invoice.DatePaid),
        ["date_failed"] = NullableTimestamp(invoice.DateFailed),
    };

    public static JsonObject Webhook(SmartPayWebhook webhook) => new()
    {
        ["webhook_id"] = webhook.Id,
        ["topic"] = webhook.Topic,
        ["url"] = webhook.Url,
    };

    /// <summary>
    /// The notification of an invoice event (<c>invoice/*</c>): the plugins read <c>data.order_custom_id</c> (sic) and
    /// <c>data.payment_method</c>; the other members are the sandbox's guess at "more are expected" (A23).
    /// </summary>
    public static JsonObject InvoiceNotification(SmartPayStore store, SmartPayInvoice invoice)
    {
        var order = store.OrdersById[invoice.OrderId];
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["order_custom_id"] = order.CustomId,
                ["payment_method"] = invoice.PaymentMethod,
                ["order_id"] = order.Id,
                ["invoice_id"] = invoice.Id,
                ["consumer_id"] = invoice.ConsumerId,
                ["amount"] = AmountString(invoice.Amount),
                ["amount_discounted"] = AmountString(invoice.AmountDiscounted),
                ["date_paid"] = NullableTimestamp(invoice.DatePaid),
                ["date_failed"] = NullableTimestamp(invoice.DateFailed),
                ["is_enabled"] = invoice.IsEnabled,
            },
            ["is_dummy"] = invoice.IsDummy,
        };
    }

    /// <summary>The notification of an order event (<c>order/*</c>).</summary>
    public static JsonObject OrderNotification(SmartPayOrder order) => new()
    {
        ["data"] = new JsonObject
        {
            ["order_custom_id"] = order.CustomId,
            ["payment_method"] = order.PaymentMethod,
            ["order_id"] = order.Id,
            ["consumer_id"] = order.ConsumerId,
            ["number_of_invoices"] = order.Invoices.Count,
            ["is_enabled"] = order.IsEnabled,
        },
        ["is_dummy"] = order.IsDummy,
    };

    /// <summary>The <c>webhook/created</c> test notification sent while creating or modifying a webhook.</summary>
    public static JsonObject TestNotification(string webhookId, string topic, string url) => new()
    {
        ["data"] = new JsonObject
        {
            ["webhook_id"] = webhookId,
            ["topic"] = topic,
            ["url"] = url,
        },
        ["is_dummy"] = true,
    };
}
