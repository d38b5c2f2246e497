using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
// Every client namespace at once, as an app that uses all three writes it: no type name is ambiguous.
using Tessera.Pax8;
using Tessera.Pax8.AspNetCore;
using Tessera.Pax8.Webhooks;
using Tessera.Redis;
using Tessera.SmartPay;
using Tessera.SmartPay.AspNetCore;
using Tessera.Smartex;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tokens;

namespace Tessera.Conventions.Tests.Docs;

/// <summary>The code of docs/pax8-webhooks.md; it compiles, so the documentation cannot drift from the API.</summary>
internal static class Pax8WebhooksExamples
{
    public static async Task ManageAsync(IPax8WebhooksClient webhooks, CancellationToken cancellationToken)
    {
        #region snippet: pax8-webhooks-manage
        // IPax8WebhooksClient comes from AddPax8Client (or Pax8Client.Create(...).Webhooks): same token, token cache and rate budget.

        // Topics are discovered at run time: Pax8 documents no fixed list.
        IReadOnlyList<Pax8WebhookTopic> topics = await webhooks.ListAsync(cancellationToken);
        Pax8WebhookTopic subscriptions = topics.First(t => t.Value.Contains("SUBSCRIPTION", StringComparison.OrdinalIgnoreCase));

        var webhook = await webhooks.CreateWebhookAsync(new CreateWebhook
        {
            DisplayName = "New subscriptions",
            Url = "https://hooks.example.com/pax8",
            Authorization = "Bearer " + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            Active = true,
            ContactEmail = "ops@example.com",
            WebhookTopics =
            [
                new AddWebhookTopic
                {
                    Topic = subscriptions,
                    Filters = [new UpdateWebhookFilter { Action = "New", Conditions = [new UpdateFilterCondition { Field = "productId", Operator = FilterOperator.In, Value = ["<product id>"] }] }],
                },
            ],
        }, cancellationToken);

        await webhooks.TestWebhookTopicAsync(webhook.Id, subscriptions, cancellationToken);
        await foreach (var log in webhooks.QueryWebhookLogsAllAsync(webhook.Id, status: "FAILED", cancellationToken: cancellationToken))
        {
            await webhooks.RetryWebhookDeliveryAsync(webhook.Id, log.Id, cancellationToken);
        }
        #endregion
    }

    public static void Receive(WebApplicationBuilder builder, WebApplication app)
    {
        #region snippet: pax8-webhooks-receive
        builder.Services.AddPax8Client(builder.Configuration.GetSection("Pax8"));
        builder.Services.AddPax8WebhookHandler<SubscriptionEvents>(o => o.Authorization = builder.Configuration["Pax8:Webhooks:Authorization"]);
        // …
        app.MapPax8Webhook("/webhooks/pax8");
        #endregion
    }

    #region snippet: pax8-webhooks-handler
    /// <summary>Runs in the background, after the endpoint answered 200; a delivery is a notification.</summary>
    internal sealed class SubscriptionEvents(IPax8Client pax8) : IPax8WebhookHandler
    {
        public async Task HandleAsync(WebhookPayload payload, CancellationToken cancellationToken)
        {
            if (payload.PayloadData?.TryGetValue("subscriptionId", out var id) == true && id?.ToString() is { Length: > 0 } subscriptionId)
            {
                // Re-read the state instead of trusting the payload.
                var subscription = await pax8.FindSubscriptionBySubscriptionIdAsync(subscriptionId, cancellationToken);
                Console.WriteLine($"{payload.WebhookTopic.Topic}: {subscription.ProductId} x {subscription.Quantity}");
            }
        }
    }
    #endregion
}
