using System.Security.Cryptography;
using System.Threading.Channels;
using Tessera.Cli.Output;
using Tessera.Pax8;
using Tessera.Pax8.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Tessera.Cli.Tour;

/// <summary>
/// The Webhooks API v2 part of the Pax8 tour: topics, a webhook on a local receiver running the shipped
/// <c>MapPax8Webhook</c> endpoint, a placed order arriving as a verified event, the delivery log, and clean-up.
/// </summary>
internal sealed class Pax8WebhooksTour
{
    /// <summary>How long the tour waits for the order's event (Pax8 itself counts a delivery failed after 10 s).</summary>
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private readonly Pax8Client _client;

    public Pax8WebhooksTour(Pax8Client client) => _client = client;

    /// <summary>Runs steps <paramref name="firstStep"/> onwards; <paramref name="placeOrder"/> places a real order for <paramref name="company"/>.</summary>
    public async Task RunAsync(int firstStep, Company company, Func<CancellationToken, Task<Pax8Order>> placeOrder, CancellationToken cancellationToken)
    {
        var webhooks = _client.Webhooks;
        var step = firstStep;

        Pax8Tour.Step($"{step++}. Webhook topics", "GetTopicDefinitionsAllAsync on the Webhooks API v2 (api/v2, same token): topics are discovered at run time, Pax8 lists none (W2).");
        var definitions = await webhooks.GetTopicDefinitionsAllAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        CliOutput.WriteTable(definitions, ("Topic", d => d.Topic), ("Name", d => d.Name), ("Filterable actions", d => $"{d.AvailableFilters.Count}: " + string.Join(", ", d.AvailableFilters.Select(f => f.Action).Take(3)) + (d.AvailableFilters.Count > 3 ? ", …" : string.Empty)));
        Pax8WebhookTopic topic = definitions.First(d => d.Topic.Contains("SUBSCRIPTION", StringComparison.OrdinalIgnoreCase)).Topic;

        Pax8Tour.Step($"{step++}. A webhook on a local receiver", "MapPax8Webhook (Tessera.Pax8.AspNetCore) on a loopback port: Pax8 signs nothing (W3), it echoes the webhook's authorization value, compared in constant time.");
        var authorization = "Bearer " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var deliveries = Channel.CreateUnbounded<WebhookPayload>();
        await using var receiver = await LocalReceiver.StartAsync(
            services => services.AddPax8Webhooks(o => o.Authorization = authorization),
            app => app.MapPax8Webhook("/pax8/webhooks", (payload, _) =>
            {
                // Reached only after the endpoint checked the Authorization header and parsed the WebhookPayload.
                deliveries.Writer.TryWrite(payload);
                return Task.CompletedTask;
            }),
            cancellationToken);
        var webhook = await webhooks.CreateWebhookAsync(
            new CreateWebhook
            {
                DisplayName = "Tessera tour",
                Url = new Uri(receiver.BaseAddress, "pax8/webhooks").AbsoluteUri,
                Authorization = authorization,
                Active = true,
                ContactEmail = "tour@example.com",
                WebhookTopics =
                [
                    new AddWebhookTopic
                    {
                        Topic = topic,
                        Filters = [new UpdateWebhookFilter { Action = "New", Conditions = [new UpdateFilterCondition { Field = "companyId", Operator = FilterOperator.EqualTo, Value = [company.Id!] }] }],
                    },
                ],
            },
            cancellationToken);
        try
        {
            AnsiConsole.MarkupLine($"   Webhook {Markup.Escape(webhook.Id)} → {Markup.Escape(webhook.Url ?? "?")}");
            AnsiConsole.MarkupLine($"   Topic {Markup.Escape(topic.Value)}, action New, filtered to {Markup.Escape(company.Name ?? company.Id!)}'s companyId; a random Authorization value, echoed in every Webhook response.");
            using (var forged = new HttpClient())
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(receiver.BaseAddress, "pax8/webhooks")) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer guessed");
                using var response = await forged.SendAsync(request, cancellationToken);
                AnsiConsole.MarkupLine($"   A forged delivery (guessed Authorization): HTTP {(int)response.StatusCode}, body never read.");
            }

            Pax8Tour.Step($"{step++}. An order, placed for real, arriving as an event", $"CreateOrderAsync without isMock: one {topic.Value}/New event per new subscription, POSTed to the webhook; waited for up to {EventTimeout.TotalSeconds:0} s.");
            var order = await placeOrder(cancellationToken);
            var orderId = order.Id!;
            var payload = await WaitForOrderEventAsync(deliveries.Reader, orderId, cancellationToken);
            var data = payload.PayloadData ?? new Dictionary<string, object>();
            string Field(string name) => data.TryGetValue(name, out var value) ? value?.ToString() ?? string.Empty : string.Empty;
            AnsiConsole.MarkupLine($"   Order {Markup.Escape(orderId)} placed: {order.LineItems?.Count ?? 0} line item(s).");
            AnsiConsole.MarkupLine($"   Event received: topic {Markup.Escape(payload.WebhookTopic.Topic)}, type {Markup.Escape(Field("type"))}, subscription {Markup.Escape(Field("subscriptionId"))} (order {Markup.Escape(Field("orderId"))}), sent {payload.SentAt:u}.");
            AnsiConsole.MarkupLine($"   Event id: none on the wire (W14); redeliveries are dropped by fingerprint {Pax8WebhookVerifier.Fingerprint(payload)[..12]}….");
            AnsiConsole.MarkupLine("   [green]Authorization verified[/] by MapPax8Webhook (constant time) before the handler saw the event.");

            Pax8Tour.Step($"{step++}. The delivery log, then delete", "QueryWebhookLogsAsync: one log per event with every attempt; FAILED ones can be retried (RetryWebhookDeliveryAsync).");
            var logs = await WaitForLoggedDeliveryAsync(webhook.Id, cancellationToken);
            CliOutput.WriteTable(logs, ("Log", l => l.Id), ("Status", l => l.FinalStatus), ("Attempts", l => l.CallHistory.Count), ("HTTP", l => l.CallHistory.LastOrDefault()?.HttpStatusCode), ("At", l => l.CallHistory.LastOrDefault()?.Timestamp.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        }
        finally
        {
            await webhooks.DeleteWebhookAsync(webhook.Id, CancellationToken.None);
        }

        AnsiConsole.MarkupLine($"   Webhook {Markup.Escape(webhook.Id)} deleted.");
    }

    /// <summary>Reads verified deliveries until the one of <paramref name="orderId"/> arrives, at most <see cref="EventTimeout"/>.</summary>
    private static async Task<WebhookPayload> WaitForOrderEventAsync(ChannelReader<WebhookPayload> deliveries, string orderId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EventTimeout);
        try
        {
            await foreach (var payload in deliveries.ReadAllAsync(timeout.Token))
            {
                if (payload.PayloadData?.TryGetValue("orderId", out var id) == true && string.Equals(id?.ToString(), orderId, StringComparison.OrdinalIgnoreCase))
                {
                    return payload;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"No verified webhook event for order {orderId} arrived within {EventTimeout.TotalSeconds:0} s.");
    }

    /// <summary>
    /// The webhook's logs once the delivery is recorded: Pax8 records an attempt after the receiver answered, which
    /// can be just after the handler already ran, so a PENDING log is read again (bounded).
    /// </summary>
    private async Task<IReadOnlyList<WebhookLog>> WaitForLoggedDeliveryAsync(string webhookId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var logs = await _client.Webhooks.QueryWebhookLogsAsync(webhookId, size: 10, cancellationToken: cancellationToken);
            if (logs.Content.Count > 0 && logs.Content.All(l => l.FinalStatus != WebhookDeliveryStatus.Pending) || DateTime.UtcNow > deadline)
            {
                return [.. logs.Content];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
