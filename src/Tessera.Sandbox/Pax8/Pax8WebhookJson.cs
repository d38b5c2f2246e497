using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>Writes the Webhooks API v2 schemas of specs/pax8-webhooks.yaml.</summary>
internal static class Pax8WebhookJson
{
    public static JsonObject Topic(Pax8WebhookSubscription subscription) => new()
    {
        ["id"] = subscription.Id.ToString("D"),
        ["topic"] = subscription.Topic,
        ["filters"] = subscription.Filters.DeepClone(),
    };

    public static JsonObject Webhook(Pax8Webhook webhook)
    {
        var json = new JsonObject
        {
            ["id"] = webhook.Id.ToString("D"),
            ["accountId"] = webhook.AccountId.ToString("D"),
            ["displayName"] = webhook.DisplayName,
            ["url"] = webhook.Url,
            ["authorization"] = webhook.Authorization,
            ["active"] = webhook.Active,
            ["contactEmail"] = webhook.ContactEmail,
            ["errorThreshold"] = webhook.ErrorThreshold,
            ["integrationId"] = webhook.IntegrationId?.ToString("D"),
            ["webhookTopics"] = new JsonArray([.. webhook.Topics.Select(Topic)]),
            ["lastDeliveryStatus"] = webhook.LastDeliveryStatus,
            ["createdAt"] = Pax8Json.IsoDateTime(webhook.CreatedAt),
            ["updatedAt"] = Pax8Json.IsoDateTime(webhook.UpdatedAt),
        };

        // Optional members that are unset are omitted, as the spec's optional members are.
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            json.Remove(name);
        }

        return json;
    }

    public static JsonObject Log(Pax8WebhookLog log) => new()
    {
        ["id"] = log.Id.ToString("D"),
        ["webhookId"] = log.WebhookId.ToString("D"),
        ["webhookName"] = log.WebhookName,
        ["finalStatus"] = log.FinalStatus,
        ["callHistory"] = new JsonArray([.. log.Calls.Select(call => call.DeepClone())]),
        ["createdAt"] = Pax8Json.IsoDateTime(log.CreatedAt),
    };

    /// <summary>The v2 page envelope <c>{content, page}</c> (webhooks, logs).</summary>
    public static JsonObject Page<T>(IReadOnlyList<T> items, (int Page, int Size) paging, Func<T, JsonNode> map) => Pax8Query.PageOf(items, paging, map);

    /// <summary>The topic definitions envelope: paging members next to <c>content</c> (W4).</summary>
    public static JsonObject FlatPage<T>(IReadOnlyList<T> items, (int Page, int Size) paging, Func<T, JsonNode> map)
    {
        var page = Pax8Query.PageOf(items, paging, map);
        var info = page["page"]!.AsObject();
        return new JsonObject
        {
            ["content"] = page["content"]!.DeepClone(),
            ["number"] = info["number"]!.DeepClone(),
            ["size"] = info["size"]!.DeepClone(),
            ["totalElements"] = info["totalElements"]!.DeepClone(),
            ["totalPages"] = info["totalPages"]!.DeepClone(),
        };
    }
}
