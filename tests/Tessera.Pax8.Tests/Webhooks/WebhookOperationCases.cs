using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.Tests.Webhooks;

/// <summary>One representative call of every operation in specs/pax8-webhooks.yaml, with the payload its response carries.</summary>
public static class WebhookOperationCases
{
    public const string WebhookId = "6a1d3c5e-8f2b-4d7a-9c0e-1b3d5f7a9c2e";
    public const string TopicId = "9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e";
    public const string LogId = "3f0c2a8e-5b7d-4c1e-9a6f-2d8b4e0c7a15";
    public const string AccountId = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
    public const string ProductId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    public static readonly Pax8WebhookTopic Topic = "SUBSCRIPTION";

    public static readonly IReadOnlyDictionary<string, (string? Payload, Func<Pax8WebhooksClient, Task> Call)> All = new Dictionary<string, (string?, Func<Pax8WebhooksClient, Task>)>
    {
        ["queryWebhooks"] = ("webhooks/webhook-page", c => c.QueryWebhooksAsync(query: "Provisioning", page: 1, size: 50, active: true, topic: Topic, sort: "createdAt,desc", status: "FAILED", accountId: AccountId)),
        ["createWebhook"] = ("webhooks/webhook", c => c.CreateWebhookAsync(NewWebhook())),
        ["getTopicDefinitions"] = ("webhooks/topic-definition-page", c => c.GetTopicDefinitionsAsync(page: 0, size: 100, search: "subscription", sort: "topic,asc", topic: Topic)),
        ["getWebhook"] = ("webhooks/webhook", c => c.GetWebhookAsync(WebhookId)),
        ["deleteWebhook"] = (null, c => c.DeleteWebhookAsync(WebhookId)),
        ["updateWebhookConfiguration"] = ("webhooks/webhook", c => c.UpdateWebhookConfigurationAsync(WebhookId, new UpdateWebhookConfiguration
        {
            DisplayName = "Provisioning events",
            Url = "https://hooks.example.com/pax8/v2",
            Authorization = "Bearer rotated-webhook-value",
            ContactEmail = "ops@example.com",
            ErrorThreshold = 5,
        })),
        ["updateWebhookStatus"] = ("webhooks/webhook", c => c.UpdateWebhookStatusAsync(WebhookId, new UpdateWebhookStatus { Active = false })),
        ["addWebhookTopic"] = ("webhooks/webhook", c => c.AddWebhookTopicAsync(WebhookId, NewTopic())),
        ["replaceWebhookTopics"] = ("webhooks/webhook", c => c.ReplaceWebhookTopicsAsync(WebhookId, new ReplaceWebhookTopics { WebhookTopics = [NewTopic()] })),
        ["removeWebhookTopic"] = (null, c => c.RemoveWebhookTopicAsync(WebhookId, TopicId)),
        ["updateWebhookTopicConfiguration"] = ("webhooks/webhook", c => c.UpdateWebhookTopicConfigurationAsync(WebhookId, TopicId, new UpdateWebhookTopicConfiguration { Filters = [NewFilter()] })),
        ["testWebhookTopic"] = ("webhooks/webhook-test", c => c.TestWebhookTopicAsync(WebhookId, Topic)),
        ["queryWebhookLogs"] = ("webhooks/webhook-log-page", c => c.QueryWebhookLogsAsync(WebhookId, topicName: Topic, page: 0, size: 20, status: "FAILED", startDate: "2025-07-01T00:00:00Z", endDate: "2025-07-31T23:59:59Z", sort: "createdAt,desc")),
        ["getWebhookLog"] = ("webhooks/webhook-log", c => c.GetWebhookLogAsync(WebhookId, LogId)),
        ["retryWebhookDelivery"] = (null, c => c.RetryWebhookDeliveryAsync(WebhookId, LogId)),
    };

    public static IEnumerable<object[]> Names() => All.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    public static CreateWebhook NewWebhook() => new()
    {
        DisplayName = "Provisioning events",
        Url = "https://hooks.example.com/pax8",
        Authorization = "Bearer webhook-shared-value-7d2e",
        Active = true,
        ContactEmail = "ops@example.com",
        ErrorThreshold = 3,
        WebhookTopics = [NewTopic()],
    };

    public static AddWebhookTopic NewTopic() => new() { Topic = Topic, Filters = [NewFilter()] };

    public static UpdateWebhookFilter NewFilter() => new()
    {
        Action = "New",
        Conditions = [new UpdateFilterCondition { Field = "productId", Operator = FilterOperator.In, Value = [ProductId] }],
    };
}
