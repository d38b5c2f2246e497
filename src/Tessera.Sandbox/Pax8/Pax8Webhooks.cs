using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>
/// Delivers Webhooks API v2 events (specs/pax8-webhooks.yaml, reference pax8.md §5): a POST of a <c>WebhookPayload</c>
/// to the webhook's URL with its <c>authorization</c> value as the <c>Authorization</c> header, no signature (W3). A 2xx
/// within the timeout (10 s, as Pax8 documents) is SUCCESS; anything else FAILED, logged with the attempt, and a
/// webhook with <c>errorThreshold</c> consecutive failures is deactivated. No automatic retries (their schedule is
/// undocumented): <c>retryWebhookDelivery</c> makes another attempt. Deliveries run one at a time, in event order.
/// </summary>
internal sealed class Pax8Webhooks : IDisposable
{
    /// <summary>The topics the sandbox offers. Pax8 documents no topic names (W2): these are the sandbox's own.</summary>
    public static readonly IReadOnlyList<(string Topic, string Name, string Description, string[] Actions)> Topics =
    [
        ("SUBSCRIPTION", "Subscription", "A subscription line item completed (new, changed, renewed, cancelled ...).",
            ["New", "Change", "ChangePartial", "ChangeProduct", "UpdateRatePlan", "SpiffPriceAdjustment", "Renewal", "Cancel", "Resurrect", "Migration", "ParentReassignment", "TrialCreate", "TrialConvert", "TrialCancel", "ArrearsUpload", "RevertToCurrent"]),
        ("PROVISIONING", "Provisioning", "A subscription's provisioning finished or failed.", ["Provisioned", "Failed"]),
        ("COMPANY", "Company", "A company (client) was created or updated.", ["Created", "Updated"]),
    ];

    /// <summary>The fields of <c>payloadData</c> filters can test, per topic.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FilterFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["SUBSCRIPTION"] = ["companyId", "productId", "subscriptionId", "orderId"],
        ["PROVISIONING"] = ["companyId", "productId", "subscriptionId"],
        ["COMPANY"] = ["companyId"],
    };

    private readonly Pax8Store store;
    private readonly HttpClient http;
    private readonly TimeSpan timeout;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<Task, byte> pending = new();
    private readonly CancellationTokenSource shutdown = new();

    public Pax8Webhooks(Pax8Store store, TimeSpan timeout)
    {
        this.store = store;
        this.timeout = timeout;

        // A receiver must answer itself: redirects are not followed; proxies from the environment are not used.
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The sample <c>WebhookPayload</c> of a topic (TopicDefinition.samplePayload, and what a test sends).</summary>
    public JsonObject SamplePayload(string topic, Pax8Webhook? webhook, Pax8WebhookSubscription? subscription) => Payload(
        webhook,
        subscription ?? new Pax8WebhookSubscription { Id = Guid.Empty, Topic = topic, Filters = [] },
        new JsonObject
        {
            ["type"] = Topics.FirstOrDefault(t => t.Topic == topic).Actions?[0] ?? "Test",
            ["companyId"] = Pax8Ids.FromName("sample|company").ToString("D"),
            ["productId"] = Pax8Ids.FromName("sample|product").ToString("D"),
            ["subscriptionId"] = Pax8Ids.FromName("sample|subscription").ToString("D"),
            ["sample"] = true,
        });

    /// <summary>
    /// Finds the active webhooks whose topic and filters match each event (caller holds the lock) and queues their
    /// deliveries in the background.
    /// </summary>
    public void Raise(IReadOnlyList<(string Topic, JsonObject Data)> events)
    {
        var deliveries = new List<Pax8WebhookLog>();
        foreach (var (topic, data) in events)
        {
            foreach (var webhook in store.Webhooks.Where(w => w.Active && !string.IsNullOrEmpty(w.Url)))
            {
                if (webhook.Topics.FirstOrDefault(t => t.Topic == topic) is { } subscription && Matches(subscription.Filters, data))
                {
                    deliveries.Add(NewLog(webhook, subscription, Payload(webhook, subscription, data)));
                }
            }
        }

        Schedule(deliveries);
    }

    /// <summary>Attempts the deliveries in the background, in order; <see cref="WhenIdleAsync"/> waits for them.</summary>
    public void Schedule(IReadOnlyList<Pax8WebhookLog> deliveries)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var task = Task.Run(() => DeliverInBackgroundAsync(deliveries), CancellationToken.None);
        pending[task] = 0;
        _ = task.ContinueWith(done => pending.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Creates the log of a new delivery (caller holds the lock).</summary>
    public Pax8WebhookLog NewLog(Pax8Webhook webhook, Pax8WebhookSubscription subscription, JsonObject payload)
    {
        var log = new Pax8WebhookLog
        {
            Id = store.NewId(),
            WebhookId = webhook.Id,
            WebhookName = webhook.DisplayName,
            Topic = subscription.Topic,
            Payload = payload,
            CreatedAt = store.Now,
        };
        store.WebhookLogs.Add(log);
        return log;
    }

    /// <summary>Makes one delivery attempt of <paramref name="log"/> now and records it.</summary>
    public async Task AttemptAsync(Pax8WebhookLog log, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        await gate.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            string? url;
            string? authorization;
            byte[] body;
            lock (store.Sync)
            {
                var webhook = store.Webhooks.FirstOrDefault(w => w.Id == log.WebhookId);
                url = webhook?.Url;
                authorization = webhook?.Authorization;
                log.Payload["sentAt"] = Pax8Json.IsoDateTime(store.Now);
                body = JsonSerializer.SerializeToUtf8Bytes(log.Payload, Pax8Json.WireOptions);
            }

            var (status, error) = url is null ? (0, "The webhook has no URL") : await PostAsync(url, authorization, body, linked.Token).ConfigureAwait(false);
            lock (store.Sync)
            {
                var succeeded = status is >= 200 and < 300;
                var call = new JsonObject
                {
                    ["id"] = store.NewId().ToString("D"),
                    ["timestamp"] = Pax8Json.IsoDateTime(store.Now),
                    ["status"] = succeeded ? "SUCCESS" : "FAILED",
                    ["payload"] = log.Payload.DeepClone(),
                };
                if (status != 0)
                {
                    call["httpStatusCode"] = status;
                }

                if (!succeeded)
                {
                    call["errorMessage"] = error ?? string.Create(CultureInfo.InvariantCulture, $"The endpoint answered HTTP {status}");
                }

                log.Calls.Add(call);
                log.FinalStatus = succeeded ? "SUCCESS" : "FAILED";
                if (store.Webhooks.FirstOrDefault(w => w.Id == log.WebhookId) is { } webhook)
                {
                    webhook.LastDeliveryStatus = log.FinalStatus;
                    webhook.ConsecutiveFailures = succeeded ? 0 : webhook.ConsecutiveFailures + 1;
                    if (webhook.ConsecutiveFailures >= Math.Max(1, webhook.ErrorThreshold))
                    {
                        // Pax8 emails contactEmail at the threshold (W12 notes); the sandbox deactivates the webhook instead.
                        webhook.Active = false;
                    }
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Completes when every background delivery queued so far has been attempted.</summary>
    public async Task WhenIdleAsync()
    {
        while (!pending.IsEmpty)
        {
            var tasks = pending.Keys.ToArray();
            await Task.WhenAll(tasks).ConfigureAwait(false);
            foreach (var task in tasks)
            {
                pending.TryRemove(task, out _);
            }
        }
    }

    public void Dispose()
    {
        shutdown.Cancel();
        shutdown.Dispose();
        http.Dispose();
        gate.Dispose();
    }

    /// <summary>
    /// W12: no filters deliver every event of the topic; otherwise any filter whose action is the event's <c>type</c>
    /// and whose conditions all hold on <c>payloadData</c>.
    /// </summary>
    public static bool Matches(JsonArray filters, JsonObject data)
    {
        if (filters.Count == 0)
        {
            return true;
        }

        var type = data["type"]?.ToString();
        return filters.OfType<JsonObject>().Any(filter =>
            string.Equals(filter["action"]?.ToString(), type, StringComparison.OrdinalIgnoreCase)
            && (filter["conditions"] as JsonArray ?? []).OfType<JsonObject>().All(condition => Holds(condition, data)));
    }

    private static bool Holds(JsonObject condition, JsonObject data)
    {
        var actual = data[condition["field"]?.ToString() ?? string.Empty]?.ToString();
        var values = (condition["value"] as JsonArray ?? []).Select(v => v?.ToString() ?? string.Empty).ToList();
        var first = values.FirstOrDefault() ?? string.Empty;
        int Compare() => decimal.TryParse(actual, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(first, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(actual, first);
        return condition["operator"]?.ToString() switch
        {
            "EQUALS" => string.Equals(actual, first, StringComparison.OrdinalIgnoreCase),
            "NOT_EQUALS" => !string.Equals(actual, first, StringComparison.OrdinalIgnoreCase),
            "IN" => values.Contains(actual ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            "NOT_IN" => !values.Contains(actual ?? string.Empty, StringComparer.OrdinalIgnoreCase),
            "CONTAINS" => actual is not null && actual.Contains(first, StringComparison.OrdinalIgnoreCase),
            "GREATER_THAN" => actual is not null && Compare() > 0,
            "LESS_THAN" => actual is not null && Compare() < 0,
            _ => false,
        };
    }

    private JsonObject Payload(Pax8Webhook? webhook, Pax8WebhookSubscription subscription, JsonObject data) => new()
    {
        ["accountId"] = store.AccountId.ToString("D"),
        ["url"] = webhook?.Url ?? "https://hooks.example.com/pax8",
        ["webhookId"] = (webhook?.Id ?? Guid.Empty).ToString("D"),
        ["sentAt"] = Pax8Json.IsoDateTime(store.Now),
        ["webhookTopic"] = Pax8WebhookJson.Topic(subscription),
        ["payloadData"] = data,
    };

    private async Task DeliverInBackgroundAsync(IReadOnlyList<Pax8WebhookLog> deliveries)
    {
        try
        {
            foreach (var log in deliveries)
            {
                await AttemptAsync(log).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The sandbox is stopping: queued deliveries are dropped.
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync("Pax8 sandbox: webhook delivery failed: " + exception).ConfigureAwait(false);
        }
    }

    /// <summary>POSTs the body; returns the status (0 when the receiver timed out or could not be reached) and why it failed.</summary>
    private async Task<(int Status, string? Error)> PostAsync(string url, string? authorization, byte[] body, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, string.Create(CultureInfo.InvariantCulture, $"No response within {timeout.TotalSeconds:0} s"));
        }
        catch (HttpRequestException exception)
        {
            return (0, exception.Message);
        }
        catch (UriFormatException exception)
        {
            return (0, exception.Message);
        }
    }
}
