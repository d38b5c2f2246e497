using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// Sends webhook notifications: an HTTP POST of JSON to the URL, with <c>X-SmartPay-Topic</c> and
/// <c>X-SmartPay-Hmac-Sha256</c> = base64(HMAC-SHA256(api_key, raw body)) (A22). Only a 200 answer counts as delivered;
/// any other status, a timeout or an unreachable URL is a failed delivery, and after
/// <see cref="SmartPaySandboxOptions.MaxFailedDeliveries"/> consecutive failures the webhook is disabled (a successful
/// delivery resets the count; modifying the webhook enables it again). No retries: the interval is undocumented, so a
/// failed notification is dropped. Deliveries run one at a time, in the order the events happened.
/// </summary>
internal sealed class SmartPayWebhooks : IDisposable
{
    public const string TopicHeader = "X-SmartPay-Topic";
    public const string SignatureHeader = "X-SmartPay-Hmac-Sha256";
    public const string TestTopic = "webhook/created";

    /// <summary>The topics a webhook can subscribe to: the five documented ones and the plugins' invoice/refunded (A21).</summary>
    public static readonly IReadOnlyList<string> SubscribableTopics =
        ["invoice/created", "invoice/paid", "invoice/cancelled", "order/created", "order/cancelled", "invoice/refunded"];

    private readonly SmartPayStore store;
    private readonly HttpClient http;
    private readonly byte[] apiKey;
    private readonly byte[] signingKey;
    private readonly TimeSpan timeout;
    private readonly int maxFailures;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<Task, byte> pending = new();
    private readonly CancellationTokenSource shutdown = new();

    public SmartPayWebhooks(SmartPayStore store, SmartPaySandboxOptions options)
    {
        this.store = store;
        apiKey = Encoding.UTF8.GetBytes(options.ApiKey);
        signingKey = Encoding.UTF8.GetBytes(options.WebhookSigningKey ?? options.ApiKey);
        timeout = options.WebhookTimeout;
        maxFailures = options.MaxFailedDeliveries;

        // A receiver must answer 200 itself: redirects are not followed; proxies from the environment are not used.
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public static string Sign(byte[] key, ReadOnlySpan<byte> body) => Convert.ToBase64String(HMACSHA256.HashData(key, body));

    /// <summary>
    /// Sends the <c>webhook/created</c> test notification to <paramref name="url"/> (create_webhook, modify_webhook)
    /// and returns the delivery; a ping never counts towards disabling.
    /// </summary>
    public async Task<SmartPayDelivery> PingAsync(string webhookId, string topic, string url, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(SmartPayJson.TestNotification(webhookId, topic, url), SmartPayJson.WireOptions);
        var status = await PostAsync(url, TestTopic, body, cancellationToken).ConfigureAwait(false);
        lock (store.Sync)
        {
            var delivery = new SmartPayDelivery(webhookId, TestTopic, url, status, store.NextAttempt(webhookId), Verifies(body));
            store.Deliveries.Add(delivery);
            return delivery;
        }
    }

    /// <summary>Delivers the events (topic and body, in order) to every enabled webhook of their topic; returns the deliveries.</summary>
    public async Task<IReadOnlyList<SmartPayDelivery>> DeliverAsync(IReadOnlyList<(string Topic, JsonObject Body)> events, CancellationToken cancellationToken = default)
    {
        var deliveries = new List<SmartPayDelivery>();
        if (events.Count == 0)
        {
            return deliveries;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        await gate.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            foreach (var (topic, body) in events)
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(body, SmartPayJson.WireOptions);
                List<(string Id, string Url)> targets;
                lock (store.Sync)
                {
                    targets = [.. store.Webhooks.Where(webhook => webhook.IsEnabled && webhook.Topic == topic).Select(webhook => (webhook.Id, webhook.Url))];
                }

                foreach (var (id, url) in targets)
                {
                    var status = await PostAsync(url, topic, bytes, linked.Token).ConfigureAwait(false);
                    lock (store.Sync)
                    {
                        var delivery = new SmartPayDelivery(id, topic, url, status, store.NextAttempt(id), Verifies(bytes));
                        store.Deliveries.Add(delivery);
                        deliveries.Add(delivery);
                        if (store.FindWebhook(id) is { } webhook)
                        {
                            webhook.ConsecutiveFailures = delivery.Succeeded ? 0 : webhook.ConsecutiveFailures + 1;
                            if (webhook.ConsecutiveFailures >= maxFailures)
                            {
                                webhook.IsEnabled = false;
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            gate.Release();
        }

        return deliveries;
    }

    /// <summary>Delivers in the background (events raised by API calls are queued, as SmartPay does); see <see cref="WhenIdleAsync"/>.</summary>
    public void Enqueue(IReadOnlyList<(string Topic, JsonObject Body)> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var task = Task.Run(() => DeliverInBackgroundAsync(events), CancellationToken.None);
        pending[task] = 0;
        _ = task.ContinueWith(done => pending.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every background delivery queued so far has been made.</summary>
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

    private async Task DeliverInBackgroundAsync(IReadOnlyList<(string Topic, JsonObject Body)> events)
    {
        try
        {
            await DeliverAsync(events).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // The sandbox is stopping: queued notifications are dropped.
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync("SmartPay sandbox: webhook delivery failed: " + exception).ConfigureAwait(false);
        }
    }

    private bool Verifies(byte[] body) =>
        CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(apiKey, body), HMACSHA256.HashData(signingKey, body));

    /// <summary>POSTs the body; returns the status, or 0 when the receiver timed out or could not be reached.</summary>
    private async Task<int> PostAsync(string url, string topic, byte[] body, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Token);
        linked.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(TopicHeader, topic);
        request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(signingKey, body));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
