using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// The webhook operations. create_webhook and modify_webhook send a live <c>webhook/created</c> test notification to
/// the URL during the call and fail unless it answers 200 OK; no error code is documented for that (A29), so the
/// answer is the generic <c>7389</c> with a <c>fields.url</c> reason, as the Cevnn client expects.
/// </summary>
internal sealed partial class SmartPayEndpoints
{
    /// <summary><c>get_webhooks</c>: filters webhook_id, topic, url (exact); also carries <c>number_of_results</c>, which the v2 plugin reads.</summary>
    private JsonObject GetWebhooks(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var page = ReadPage(request, validation);
        var webhookId = Filter(request, "webhook_id", validation);
        var topic = Filter(request, "topic", validation);
        var url = Filter(request, "url", validation);
        validation.ThrowIfAny();

        lock (store.Sync)
        {
            var matches = store.Webhooks.Where(webhook =>
                    (webhookId is null || webhook.Id == webhookId)
                    && (topic is null || webhook.Topic == topic)
                    && (url is null || webhook.Url == url))
                .ToList();
            return Page(page, matches, SmartPayJson.Webhook, numberOfResults: true);
        }
    }

    /// <summary><c>create_webhook</c>: one subscription per topic; the URL must answer the test ping with 200.</summary>
    private async Task<JsonObject> CreateWebhookAsync(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var topic = Filter(request, "topic", validation);
        if (topic is null)
        {
            validation.Missing("topic");
        }
        else if (!SmartPayWebhooks.SubscribableTopics.Contains(topic))
        {
            validation.Invalid("topic", "One of " + string.Join(", ", SmartPayWebhooks.SubscribableTopics) + ".");
        }

        var url = ReadUrl(request, validation);
        string id;
        lock (store.Sync)
        {
            if (topic is not null && store.Webhooks.Exists(webhook => webhook.Topic == topic))
            {
                validation.Invalid("topic", "A webhook already exists for this topic; modify or delete it.");
            }

            validation.ThrowIfAny();
            id = store.NewRuntimeId();
        }

        await PingAsync(id, topic!, url!, call.CancellationToken).ConfigureAwait(false);
        lock (store.Sync)
        {
            if (store.Webhooks.Exists(webhook => webhook.Topic == topic))
            {
                throw SmartPayProblemException.Of(SmartPayErrors.MandatoryInput, "topic", "A webhook already exists for this topic; modify or delete it.");
            }

            store.Webhooks.Add(new SmartPayWebhook { Id = id, Topic = topic!, Url = url!, CreatedOn = SmartPayStore.ToSeconds(store.Now) });
            store.CreatedWebhookIds.Add(id);
        }

        return Result(new JsonObject { ["webhook_id"] = id });
    }

    /// <summary><c>modify_webhook</c>: a new URL (test-pinged like on create); the topic cannot change. Enables a disabled webhook again.</summary>
    private async Task<JsonObject> ModifyWebhookAsync(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var webhookId = Filter(request, "webhook_id", validation);
        if (webhookId is null)
        {
            validation.Missing("webhook_id");
        }

        var url = ReadUrl(request, validation);
        validation.ThrowIfAny();
        string topic;
        lock (store.Sync)
        {
            topic = (store.FindWebhook(webhookId!) ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "webhook_id", "No webhook with this id.")).Topic;
        }

        await PingAsync(webhookId!, topic, url!, call.CancellationToken).ConfigureAwait(false);
        lock (store.Sync)
        {
            var webhook = store.FindWebhook(webhookId!) ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "webhook_id", "No webhook with this id.");
            webhook.Url = url!;
            webhook.IsEnabled = true;
            webhook.ConsecutiveFailures = 0;
        }

        return Result(new JsonObject { ["webhook_id"] = webhookId });
    }

    /// <summary><c>delete_webhook</c>: no further notifications for its topic.</summary>
    private JsonObject DeleteWebhook(Call call)
    {
        var validation = new SmartPayValidation();
        var webhookId = Filter(call.Request, "webhook_id", validation);
        if (webhookId is null)
        {
            validation.Missing("webhook_id");
        }

        validation.ThrowIfAny();
        lock (store.Sync)
        {
            var webhook = store.FindWebhook(webhookId!) ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "webhook_id", "No webhook with this id.");
            store.Webhooks.Remove(webhook);
            return Success();
        }
    }

    private static string? ReadUrl(SmartPayRequest request, SmartPayValidation validation)
    {
        var url = Filter(request, "url", validation);
        if (url is null)
        {
            validation.Missing("url");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            validation.Invalid("url", "An absolute http(s) URL.");
        }

        return url;
    }

    private async Task PingAsync(string webhookId, string topic, string url, CancellationToken cancellationToken)
    {
        var delivery = await webhooks.PingAsync(webhookId, topic, url, cancellationToken).ConfigureAwait(false);
        if (!delivery.Succeeded)
        {
            var reason = delivery.Status == 0
                ? string.Create(CultureInfo.InvariantCulture, $"The URL could not be reached or did not answer the test notification (webhook/created) within {options.WebhookTimeout.TotalSeconds:0.#} s; it must answer 200 OK.")
                : string.Create(CultureInfo.InvariantCulture, $"The URL answered the test notification (webhook/created) with HTTP {delivery.Status}; it must answer 200 OK.");
            throw SmartPayProblemException.Of(SmartPayErrors.MandatoryInput, "url", reason);
        }
    }
}
