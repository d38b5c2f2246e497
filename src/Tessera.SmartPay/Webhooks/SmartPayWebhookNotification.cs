namespace Tessera.SmartPay;

/// <summary>
/// A notification whose body SmartPay signed, and the topic header that came with it. The signature
/// (<c>X-SmartPay-Hmac-Sha256</c>) covers the body only: <see cref="UnverifiedTopic"/> is whatever the sender put in
/// <c>X-SmartPay-Topic</c>, and the bodies of, say, <c>invoice/created</c> and <c>invoice/paid</c> for one order can be
/// identical, so a captured delivery can be resent under another topic. Treat a notification as a trigger only: re-query
/// <c>getInvoices</c> / <c>getOrders</c> (<c>custom_order_id</c> = <see cref="OrderCustomId"/>) and act on what they say.
/// </summary>
public sealed class SmartPayWebhookNotification
{
    /// <summary>Creates a notification.</summary>
    /// <param name="unverifiedTopic">The topic header, trimmed; empty when the header was missing. Not covered by the signature.</param>
    /// <param name="payload">The parsed body.</param>
    /// <param name="rawBody">The body exactly as received (the bytes the signature covers), as UTF-8 text.</param>
    /// <param name="receivedAt">When the notification was verified.</param>
    public SmartPayWebhookNotification(string unverifiedTopic, WebhookNotification payload, string rawBody, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(unverifiedTopic);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(rawBody);
        UnverifiedTopic = unverifiedTopic;
        Payload = payload;
        RawBody = rawBody;
        ReceivedAt = receivedAt;
    }

    /// <summary>
    /// The <c>X-SmartPay-Topic</c> header, for example <see cref="SmartPayWebhookTopics.InvoicePaid"/>; an open string,
    /// empty when the header was missing. <b>Not signed</b>: anyone holding one genuine delivery can resend its body under
    /// another topic. Use it to decide what to re-query, never as the fact that something happened.
    /// </summary>
    public string UnverifiedTopic { get; }

    /// <summary>The parsed body; unknown members are kept in <c>AdditionalProperties</c>.</summary>
    public WebhookNotification Payload { get; }

    /// <summary>The body exactly as received, as UTF-8 text.</summary>
    public string RawBody { get; }

    /// <summary>When the notification was verified (the verifier's clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Whether the topic is one of <see cref="SmartPayWebhookTopics.All"/>.</summary>
    public bool IsKnownTopic => SmartPayWebhookTopics.IsKnown(UnverifiedTopic);

    /// <summary>Whether this is a test: the <c>webhook/created</c> ping (by its unsigned topic) or a notification with <c>is_dummy: true</c>.</summary>
    public bool IsTest =>
        string.Equals(UnverifiedTopic, SmartPayWebhookTopics.WebhookCreated, StringComparison.OrdinalIgnoreCase) || Payload.IsDummy == true;

    /// <summary>The <c>custom_order_id</c> of the order concerned (<c>data.order_custom_id</c> in the payload), if any.</summary>
    public string? OrderCustomId => Payload.Data?.OrderCustomId;

    /// <summary>Describes the notification without its payload.</summary>
    /// <returns>For example <c>SmartPayWebhookNotification(unverified topic invoice/paid)</c>.</returns>
    public override string ToString() => $"SmartPayWebhookNotification({(UnverifiedTopic.Length == 0 ? "no topic" : "unverified topic " + UnverifiedTopic)})";
}
