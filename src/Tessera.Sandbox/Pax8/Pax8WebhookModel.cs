using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>A webhook of the Webhooks API v2 (spec schema <c>Webhook</c>).</summary>
internal sealed class Pax8Webhook
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required string DisplayName { get; set; }
    public string? Url { get; set; }
    public string? Authorization { get; set; }
    public bool Active { get; set; }
    public string? ContactEmail { get; set; }
    public int ErrorThreshold { get; set; } = 3;
    public Guid? IntegrationId { get; init; }
    public List<Pax8WebhookSubscription> Topics { get; } = [];
    public string? LastDeliveryStatus { get; set; }
    public int ConsecutiveFailures { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One topic of a webhook and its filters (spec schema <c>WebhookTopic</c>); filters are kept as sent.</summary>
internal sealed class Pax8WebhookSubscription
{
    public required Guid Id { get; init; }
    public required string Topic { get; init; }
    public required JsonArray Filters { get; set; }
}

/// <summary>The delivery of one event to one webhook, with its attempts (spec schema <c>WebhookLog</c>).</summary>
internal sealed class Pax8WebhookLog
{
    public required Guid Id { get; init; }
    public required Guid WebhookId { get; init; }
    public required string WebhookName { get; init; }
    public required string Topic { get; init; }
    public required JsonObject Payload { get; init; }
    public string FinalStatus { get; set; } = "PENDING";
    public List<JsonObject> Calls { get; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
}
