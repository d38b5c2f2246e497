using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>
/// The Webhooks API v2 (specs/pax8-webhooks.yaml) under <see cref="Pax8Errors.WebhooksPrefix"/>, mirroring
/// <c>https://api.pax8.com/api/v2</c>, behind the Partner API's bearer token and rate limit: webhook CRUD, topics and
/// their filters, topic definitions with sample payloads, active status, delivery logs, test and retry. Placing an
/// order raises one <c>SUBSCRIPTION</c> event (<c>type</c> <c>New</c>) per new subscription (see <see cref="Pax8Webhooks"/>).
/// </summary>
internal sealed partial class Pax8Endpoints
{
    private void MapWebhooks(IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup(Pax8Errors.WebhooksPrefix);
        v2.MapGet("/webhooks", Json(QueryWebhooks));
        v2.MapPost("/webhooks", JsonBody(CreateWebhook));
        v2.MapGet("/webhooks/topic-definitions", Json(GetTopicDefinitions));
        v2.MapGet("/webhooks/{id}", Json(context => Locked(() => Pax8WebhookJson.Webhook(WebhookFromRoute(context, "id")))));
        v2.MapDelete("/webhooks/{id}", NoContent(DeleteWebhook));
        v2.MapPost("/webhooks/{id}/configuration", JsonBody(UpdateWebhookConfiguration));
        v2.MapPost("/webhooks/{id}/status", JsonBody(UpdateWebhookStatus));
        v2.MapPost("/webhooks/{id}/topics", JsonBody(AddWebhookTopic));
        v2.MapPut("/webhooks/{id}/topics", JsonBody(ReplaceWebhookTopics));
        v2.MapDelete("/webhooks/{id}/topics/{topicId}", NoContent(RemoveWebhookTopic));
        v2.MapPost("/webhooks/{id}/topics/{topicId}/configuration", JsonBody(UpdateWebhookTopicConfiguration));
        v2.MapPost("/webhooks/{id}/topics/{topic}/test", TestWebhookTopicAsync);
        v2.MapGet("/webhooks/{webhookId}/logs", Json(QueryWebhookLogs));
        v2.MapGet("/webhooks/{webhookId}/logs/{id}", Json(GetWebhookLog));
        v2.MapPost("/webhooks/{webhookId}/logs/{logId}/retry", context =>
        {
            RetryWebhookDelivery(context);
            return Task.CompletedTask;
        });
    }

    private JsonNode Locked(Func<JsonNode> read)
    {
        lock (store.Sync)
        {
            return read();
        }
    }

    private JsonNode QueryWebhooks(HttpContext context)
    {
        var paging = Pax8Query.Paging(context.Request);
        var query = Pax8Query.Text(context.Request, "query");
        var active = Pax8Query.Boolean(context.Request, "active");
        var topic = Pax8Query.Text(context.Request, "topic");
        var status = Pax8Query.Text(context.Request, "status");
        var accountId = Pax8Query.Text(context.Request, "accountId");
        lock (store.Sync)
        {
            var items = store.Webhooks
                .Where(w => query is null || w.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase) || (w.Url?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false))
                .Where(w => active is null || w.Active == active)
                .Where(w => topic is null || w.Topics.Any(t => t.Topic == topic))
                .Where(w => status is null || string.Equals(w.LastDeliveryStatus, status, StringComparison.OrdinalIgnoreCase))
                .Where(w => accountId is null || string.Equals(w.AccountId.ToString("D"), accountId, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return Pax8WebhookJson.Page(items, paging, Pax8WebhookJson.Webhook);
        }
    }

    private JsonNode CreateWebhook(HttpContext context, JsonObject body)
    {
        var displayName = Pax8Body.String(body, "displayName", "displayName");
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw Pax8Errors.BadRequest("displayName is required", new Pax8ErrorDetail("displayName is required", "displayName", "INVALID_PARAM", 400));
        }

        var integrationId = Pax8Body.String(body, "integrationId", "integrationId");
        lock (store.Sync)
        {
            var now = Now;
            var webhook = new Pax8Webhook
            {
                Id = store.NewId(),
                AccountId = store.AccountId,
                DisplayName = displayName,
                IntegrationId = integrationId is null ? null : Guid.TryParse(integrationId, out var id) ? id : throw Pax8Errors.BadRequest("integrationId must be a UUID", new Pax8ErrorDetail("integrationId must be a UUID", "integrationId", "INVALID_PARAM", 400)),
                CreatedAt = now,
                UpdatedAt = now,
            };
            ApplyConfiguration(webhook, body);
            webhook.Active = Pax8Body.Boolean(body, "active", "active") ?? false;
            if (Pax8Body.Array(body, "webhookTopics", "webhookTopics") is { } topics)
            {
                webhook.Topics.AddRange(ReadTopics(topics, "webhookTopics"));
            }

            store.Webhooks.Add(webhook);
            return Pax8WebhookJson.Webhook(webhook);
        }
    }

    private JsonNode GetTopicDefinitions(HttpContext context)
    {
        var paging = Pax8Query.Paging(context.Request);
        var search = Pax8Query.Text(context.Request, "search");
        var topic = Pax8Query.Text(context.Request, "topic");
        lock (store.Sync)
        {
            var items = Pax8Webhooks.Topics
                .Where(t => topic is null || t.Topic == topic)
                .Where(t => search is null || t.Topic.Contains(search, StringComparison.OrdinalIgnoreCase) || t.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || t.Description.Contains(search, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return Pax8WebhookJson.FlatPage(items, paging, t => new JsonObject
            {
                ["topic"] = t.Topic,
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["availableFilters"] = new JsonArray([.. t.Actions.Select(action => (JsonNode)new JsonObject
                {
                    ["action"] = action,
                    ["actionDisplayName"] = action,
                    ["description"] = t.Name + " events of type " + action,
                    ["conditions"] = new JsonArray([.. Pax8Webhooks.FilterFields[t.Topic].Select(field => (JsonNode)new JsonObject
                    {
                        ["field"] = field,
                        ["operator"] = new JsonArray("EQUALS", "NOT_EQUALS", "IN", "NOT_IN"),
                        ["dataType"] = "string",
                        ["description"] = "The " + field + " of the event",
                        ["value"] = Pax8Ids.FromName("sample|" + field).ToString("D"),
                    })]),
                })]),
                ["samplePayload"] = webhooks.SamplePayload(t.Topic, null, null),
            });
        }
    }

    private void DeleteWebhook(HttpContext context)
    {
        lock (store.Sync)
        {
            store.Webhooks.Remove(WebhookFromRoute(context, "id"));
        }
    }

    private JsonNode UpdateWebhookConfiguration(HttpContext context, JsonObject body)
    {
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "id");

            // W13: the sandbox keeps members the body omits.
            ApplyConfiguration(webhook, body);
            webhook.UpdatedAt = Now;
            return Pax8WebhookJson.Webhook(webhook);
        }
    }

    private JsonNode UpdateWebhookStatus(HttpContext context, JsonObject body)
    {
        var active = Pax8Body.Boolean(body, "active", "active") ?? throw Pax8Errors.BadRequest("active is required", new Pax8ErrorDetail("active is required", "active", "INVALID_PARAM", 400));
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "id");
            webhook.Active = active;
            webhook.ConsecutiveFailures = 0;
            webhook.UpdatedAt = Now;
            return Pax8WebhookJson.Webhook(webhook);
        }
    }

    private JsonNode AddWebhookTopic(HttpContext context, JsonObject body)
    {
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "id");
            var topic = ReadTopics([body.DeepClone()], "body")[0];
            if (webhook.Topics.Any(t => t.Topic == topic.Topic))
            {
                throw Pax8Errors.BadRequest("The webhook already has the topic " + topic.Topic, new Pax8ErrorDetail("A webhook may hold each topic once", "topic", "INVALID_PARAM", 400));
            }

            webhook.Topics.Add(topic);
            webhook.UpdatedAt = Now;
            return Pax8WebhookJson.Webhook(webhook);
        }
    }

    private JsonNode ReplaceWebhookTopics(HttpContext context, JsonObject body)
    {
        var topics = Pax8Body.Array(body, "webhookTopics", "webhookTopics") ?? throw Pax8Errors.BadRequest("webhookTopics is required", new Pax8ErrorDetail("webhookTopics is required", "webhookTopics", "INVALID_PARAM", 400));
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "id");
            var replacement = ReadTopics(topics, "webhookTopics");
            webhook.Topics.Clear();
            webhook.Topics.AddRange(replacement);
            webhook.UpdatedAt = Now;
            return Pax8WebhookJson.Webhook(webhook);
        }
    }

    private void RemoveWebhookTopic(HttpContext context)
    {
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "id");
            webhook.Topics.Remove(TopicFromRoute(context, webhook));
            webhook.UpdatedAt = Now;
        }
    }

    private JsonNode UpdateWebhookTopicConfiguration(HttpContext context, JsonObject body)
    {
        var filters = Pax8Body.Array(body, "filters", "filters") ?? throw Pax8Errors.BadRequest("filters is required", new Pax8ErrorDetail("filters is required", "filters", "INVALID_PARAM", 400));
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "id");
            TopicFromRoute(context, webhook).Filters = ReadFilters(filters, "filters");
            webhook.UpdatedAt = Now;
            return Pax8WebhookJson.Webhook(webhook);
        }
    }

    private async Task TestWebhookTopicAsync(HttpContext context)
    {
        Pax8WebhookLog log;
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "id");
            var topic = context.Request.RouteValues["topic"] as string ?? string.Empty;
            if (!Pax8Webhooks.Topics.Any(t => t.Topic == topic))
            {
                throw Pax8Errors.BadRequest("Unknown topic " + topic, new Pax8ErrorDetail("Unknown topic", "topic", "INVALID_PARAM", 400));
            }

            var subscription = webhook.Topics.FirstOrDefault(t => t.Topic == topic) ?? new Pax8WebhookSubscription { Id = Guid.Empty, Topic = topic, Filters = [] };
            log = webhooks.NewLog(webhook, subscription, webhooks.SamplePayload(topic, webhook, subscription));
        }

        // The test is sent before answering, so the answer can say what was sent.
        await webhooks.AttemptAsync(log, context.RequestAborted).ConfigureAwait(false);
        JsonObject response;
        lock (store.Sync)
        {
            var webhook = store.Webhooks.First(w => w.Id == log.WebhookId);
            response = new JsonObject
            {
                ["url"] = webhook.Url,
                ["webhook"] = Pax8WebhookJson.Webhook(webhook),
                ["samplePayload"] = log.Payload.DeepClone(),
            };
        }

        await Pax8Json.WriteAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private JsonNode QueryWebhookLogs(HttpContext context)
    {
        var paging = Pax8Query.Paging(context.Request);
        var topicName = Pax8Query.Text(context.Request, "topicName");
        var status = Pax8Query.Text(context.Request, "status");
        DateTimeOffset? Bound(string name) => Pax8Query.Text(context.Request, name) is { } text
            ? TryParseDateTime(text, out var value) ? value : throw Pax8Errors.BadRequest(name + " must be an ISO 8601 date-time", new Pax8ErrorDetail(name + " must be an ISO 8601 date-time", name, "INVALID_PARAM", 400))
            : null;
        var start = Bound("startDate");
        var end = Bound("endDate");
        lock (store.Sync)
        {
            var webhook = WebhookFromRoute(context, "webhookId");
            var items = store.WebhookLogs
                .Where(l => l.WebhookId == webhook.Id)
                .Where(l => topicName is null || l.Topic == topicName)
                .Where(l => status is null || string.Equals(l.FinalStatus, status, StringComparison.OrdinalIgnoreCase))
                .Where(l => (start is null || l.CreatedAt >= start) && (end is null || l.CreatedAt <= end))
                .OrderByDescending(l => l.CreatedAt)
                .ToList();
            return Pax8WebhookJson.Page(items, paging, Pax8WebhookJson.Log);
        }
    }

    private JsonNode GetWebhookLog(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8WebhookJson.Log(LogFromRoute(context, "id"));
        }
    }

    private void RetryWebhookDelivery(HttpContext context)
    {
        lock (store.Sync)
        {
            var log = LogFromRoute(context, "logId");
            log.FinalStatus = "RETRYING";

            // Accepted at once; the attempt happens in the background, as Pax8's 202 says.
            webhooks.Schedule([log]);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private void ApplyConfiguration(Pax8Webhook webhook, JsonObject body)
    {
        if (Pax8Body.String(body, "displayName", "displayName") is { Length: > 0 } name)
        {
            webhook.DisplayName = name;
        }

        if (Pax8Body.String(body, "url", "url") is { } url)
        {
            webhook.Url = Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? url
                : throw Pax8Errors.BadRequest("url must be an absolute HTTP(S) URL", new Pax8ErrorDetail("url must be an absolute HTTP(S) URL", "url", "INVALID_PARAM", 400));
        }

        webhook.Authorization = Pax8Body.String(body, "authorization", "authorization") ?? webhook.Authorization;
        webhook.ContactEmail = Pax8Body.String(body, "contactEmail", "contactEmail") ?? webhook.ContactEmail;
        if (Pax8Body.Number(body, "errorThreshold", "errorThreshold") is { } threshold)
        {
            webhook.ErrorThreshold = threshold is >= 0 and <= 20 && decimal.Truncate(threshold) == threshold
                ? (int)threshold
                : throw Pax8Errors.BadRequest("errorThreshold must be a whole number from 0 to 20", new Pax8ErrorDetail("errorThreshold must be at most 20", "errorThreshold", "INVALID_PARAM", 400));
        }
    }

    private List<Pax8WebhookSubscription> ReadTopics(JsonArray topics, string path)
    {
        var result = new List<Pax8WebhookSubscription>();
        for (var index = 0; index < topics.Count; index++)
        {
            var item = topics[index] as JsonObject ?? throw Pax8Body.WrongType($"{path}[{index}]", "an object");
            var topic = Pax8Body.String(item, "topic", $"{path}[{index}].topic");
            if (topic is null || !Pax8Webhooks.Topics.Any(t => t.Topic == topic))
            {
                throw Pax8Errors.BadRequest("Unknown topic " + topic, new Pax8ErrorDetail("topic must be one of the topic definitions", $"{path}[{index}].topic", "INVALID_PARAM", 400));
            }

            if (result.Any(t => t.Topic == topic))
            {
                throw Pax8Errors.BadRequest("A webhook may hold each topic once: " + topic, new Pax8ErrorDetail("duplicate topic", $"{path}[{index}].topic", "INVALID_PARAM", 400));
            }

            var filters = Pax8Body.Array(item, "filters", $"{path}[{index}].filters") ?? [];
            result.Add(new Pax8WebhookSubscription { Id = store.NewId(), Topic = topic, Filters = ReadFilters(filters, $"{path}[{index}].filters") });
        }

        return result;
    }

    private static JsonArray ReadFilters(JsonArray filters, string path)
    {
        for (var index = 0; index < filters.Count; index++)
        {
            var filter = filters[index] as JsonObject ?? throw Pax8Body.WrongType($"{path}[{index}]", "an object");
            if (Pax8Body.String(filter, "action", $"{path}[{index}].action") is null || Pax8Body.Array(filter, "conditions", $"{path}[{index}].conditions") is null)
            {
                throw Pax8Errors.BadRequest("A filter needs action and conditions", new Pax8ErrorDetail("action and conditions are required", $"{path}[{index}]", "INVALID_PARAM", 400));
            }
        }

        return (JsonArray)filters.DeepClone();
    }

    private Pax8Webhook WebhookFromRoute(HttpContext context, string name)
    {
        var id = RouteId(context, name, "Webhook");
        return store.Webhooks.FirstOrDefault(w => w.Id == id) ?? throw Pax8Errors.NotFound("Webhook", id.ToString());
    }

    private static Pax8WebhookSubscription TopicFromRoute(HttpContext context, Pax8Webhook webhook)
    {
        var id = RouteId(context, "topicId", "Webhook topic");
        return webhook.Topics.FirstOrDefault(t => t.Id == id) ?? throw Pax8Errors.NotFound("Webhook topic", id.ToString());
    }

    private Pax8WebhookLog LogFromRoute(HttpContext context, string name)
    {
        var webhook = WebhookFromRoute(context, "webhookId");
        var id = RouteId(context, name, "Webhook log");
        return store.WebhookLogs.FirstOrDefault(l => l.Id == id && l.WebhookId == webhook.Id) ?? throw Pax8Errors.NotFound("Webhook log", id.ToString());
    }
}
