namespace Generated.SmartPay;

/// <summary>
/// A verified webhook notification: its topic (<c>X-SmartPay-Topic</c>) and its payload. The payload is
/// undocumented beyond a few members: treat it as a trigger and re-query <c>getOrders</c> (<c>custom_order_id</c> =
/// <see cref="OrderCustomId"/>) and <c>getInvoices</c> for the authoritative state.
/// </summary>
public sealed class SmartPayWebhookNotification
{
    /// <summary>Creates a notification.</summary>
    /// <param name="topic">The topic header, trimmed; empty when the header was missing.</param>
    /// <param name="payload">The parsed body.</param>
    /// <param name="rawBody">The body exactly as received (the bytes the signature covers), as UTF-8 text.</param>
    /// <param name="receivedAt">When the notification was verified.</param>
    public SmartPayWebhookNotification(string topic, WebhookNotification payload, string rawBody, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(rawBody);
        Topic = topic;
        Payload = payload;
        RawBody = rawBody;
        ReceivedAt = receivedAt;
    }

    /// <summary>The topic, for example <see cref="SmartPayWebhookTopics.InvoicePaid"/>; an open string, empty when the header was missing.</summary>
    public string Topic { get; }

    /// <summary>The parsed body; unknown members are kept in <c>AdditionalProperties</c>.</summary>
    public WebhookNotification Payload { get; }

    /// <summary>The body exactly as received, as UTF-8 text.</summary>
    public string RawBody { get; }

    /// <summary>When the notification was verified (the verifier's clock).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Whether the topic is one of <see cref="SmartPayWebhookTopics.All"/>.</summary>
    public bool IsKnownTopic => SmartPayWebhookTopics.IsKnown(Topic);

    /// <summary>Whether this is a test: the <c>webhook/created</c> ping or a notification with <c>is_dummy: true</c>.</summary>
    public bool IsTest =>
        string.Equals(Topic, SmartPayWebhookTopics.WebhookCreated, StringComparison.OrdinalIgnoreCase) || Payload.IsDummy == true;

    /// <summary>The <c>custom_order_id</c> of the order concerned (<c>data.order_custom_id</c> in the payload), if any.</summary>
    public string? OrderCustomId => Payload.Data?.OrderCustomId;

    /// <summary>Describes the notification without its payload.</summary>
    /// <returns>For example <c>SmartPayWebhookNotification(invoice/paid)</c>.</returns>
    public override string ToString() => $"SmartPayWebhookNotification({(Topic.Length == 0 ? "no topic" : Topic)})";
}
