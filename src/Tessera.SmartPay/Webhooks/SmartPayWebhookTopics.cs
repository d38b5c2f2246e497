namespace Tessera.SmartPay;

/// <summary>
/// The known webhook topics (<c>X-SmartPay-Topic</c>). Topics are an open set (A21): compare with these constants but
/// accept any other value.
/// </summary>
public static class SmartPayWebhookTopics
{
    /// <summary>An invoice was created (subscribable).</summary>
    public const string InvoiceCreated = "invoice/created";

    /// <summary>An invoice was paid (subscribable).</summary>
    public const string InvoicePaid = "invoice/paid";

    /// <summary>An invoice was cancelled (subscribable).</summary>
    public const string InvoiceCancelled = "invoice/cancelled";

    /// <summary>An order was created (subscribable).</summary>
    public const string OrderCreated = "order/created";

    /// <summary>An order was cancelled (subscribable).</summary>
    public const string OrderCancelled = "order/cancelled";

    /// <summary>An invoice was refunded (undocumented; the SmartPay and Cevnn plugins handle it).</summary>
    public const string InvoiceRefunded = "invoice/refunded";

    /// <summary>The test notification sent while a webhook is created or modified (not subscribable); must be answered 200.</summary>
    public const string WebhookCreated = "webhook/created";

    /// <summary>Every known topic.</summary>
    public static IReadOnlyList<string> All { get; } =
        [InvoiceCreated, InvoicePaid, InvoiceCancelled, OrderCreated, OrderCancelled, InvoiceRefunded, WebhookCreated];

    /// <summary>Whether <paramref name="topic"/> is one of <see cref="All"/> (case-insensitive).</summary>
    /// <param name="topic">A topic.</param>
    /// <returns><see langword="true"/> for a known topic.</returns>
    public static bool IsKnown(string? topic) =>
        topic is not null && All.Any(known => string.Equals(known, topic.Trim(), StringComparison.OrdinalIgnoreCase));
}
