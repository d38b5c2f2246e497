using System.CommandLine;
using Tessera.Pax8.Webhooks;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>pax8 webhooks &lt;verb&gt;</c>: the Webhooks API v2 through <c>Pax8Client.Webhooks</c> (same credentials and
/// token as the other <c>pax8</c> commands; <c>--webhooks-base-url</c> points it elsewhere, e.g. at the sandbox).
/// </summary>
internal static class Pax8WebhooksCommand
{
    public static Command Create()
    {
        var webhooks = new Command("webhooks", "Webhooks API v2: subscriptions Pax8 delivers events to, their topics and delivery logs.");
        webhooks.Subcommands.Add(List());
        webhooks.Subcommands.Add(Get());
        webhooks.Subcommands.Add(CreateWebhook());
        webhooks.Subcommands.Add(Delete());
        webhooks.Subcommands.Add(Topics());
        webhooks.Subcommands.Add(Test());
        webhooks.Subcommands.Add(Logs());
        webhooks.Subcommands.Add(Retry());
        return webhooks;
    }

    private static Argument<string> WebhookId() => Pax8CommandContext.IdArgument("webhookId");

    private static Command List()
    {
        var list = Pax8CommandContext.ListCommand("list", "List webhooks.");
        var query = new Option<string?>("--query") { Description = "Free-text search over the webhooks' fields." };
        var active = new Option<bool?>("--active") { Description = "Only active (true) or inactive (false) webhooks." };
        var topic = new Option<string?>("--topic") { Description = "Only webhooks subscribed to this topic (see 'webhooks topics')." };
        var status = new Option<string?>("--status") { Description = "Only webhooks whose last delivery has this status (PENDING, SUCCESS, FAILED, RETRYING)." };
        var sort = new Option<string?>("--sort") { Description = "Sort order, e.g. createdAt,desc." };
        list.Options.Add(query);
        list.Options.Add(active);
        list.Options.Add(topic);
        list.Options.Add(status);
        list.Options.Add(sort);
        Pax8CommandContext.SetListAction(
            list,
            (c, p, page, size) => c.Webhooks.QueryWebhooksAsync(p.GetValue(query), page, size, p.GetValue(active), p.GetValue(topic), p.GetValue(sort), p.GetValue(status), cancellationToken: p.Token),
            (c, p, size) => c.Webhooks.QueryWebhooksAllAsync(p.GetValue(query), size, p.GetValue(active), p.GetValue(topic), p.GetValue(sort), p.GetValue(status)),
            page => page.Content);
        return list;
    }

    private static Command Get()
    {
        var id = WebhookId();
        var get = new Command("get", "Show one webhook.") { id };
        Pax8CommandContext.SetAction(get, (c, p) => c.Webhooks.GetWebhookAsync(p.GetValue(id)!, p.Token));
        return get;
    }

    private static Command CreateWebhook()
    {
        var body = Pax8CommandContext.BodyOption();
        var create = new Command("create", "Create a webhook from a JSON body (CreateWebhook: displayName, url, authorization, active, webhookTopics …).") { body };
        Pax8CommandContext.SetAction(create, async (c, p) => await c.Webhooks.CreateWebhookAsync(await Pax8CommandContext.ReadBodyAsync<CreateWebhook>(p.GetValue(body)), p.Token));
        return create;
    }

    private static Command Delete()
    {
        var id = WebhookId();
        var delete = new Command("delete", "Delete a webhook.") { id };
        Pax8CommandContext.SetAction(delete, async (c, p) =>
        {
            await c.Webhooks.DeleteWebhookAsync(p.GetValue(id)!, p.Token);
            return (object?)null;
        });
        return delete;
    }

    private static Command Topics()
    {
        var topics = Pax8CommandContext.ListCommand("topics", "List the topic definitions (topic names, filters, sample payloads); topics are discovered here, there is no fixed list.");
        var search = new Option<string?>("--search") { Description = "Free-text search over the topic definitions." };
        topics.Options.Add(search);
        Pax8CommandContext.SetListAction(
            topics,
            (c, p, page, size) => c.Webhooks.GetTopicDefinitionsAsync(page, size, p.GetValue(search), cancellationToken: p.Token),
            (c, p, size) => c.Webhooks.GetTopicDefinitionsAllAsync(size, p.GetValue(search)),
            page => page.Content);
        return topics;
    }

    private static Command Test()
    {
        var id = WebhookId();
        var topic = new Argument<string>("topic") { Description = "The topic whose sample payload is sent (a topic name, not a topic id)." };
        var test = new Command("test", "Send a topic's sample payload to the webhook's URL now.") { id, topic };
        Pax8CommandContext.SetAction(test, (c, p) => c.Webhooks.TestWebhookTopicAsync(p.GetValue(id)!, p.GetValue(topic)!, p.Token));
        return test;
    }

    private static Command Logs()
    {
        var id = WebhookId();
        var logs = Pax8CommandContext.ListCommand("logs", "List the delivery logs of a webhook, newest first.");
        logs.Arguments.Add(id);
        var topic = new Option<string?>("--topic") { Description = "Only logs of this topic." };
        var status = new Option<string?>("--status") { Description = "Only logs with this final status (PENDING, SUCCESS, FAILED, RETRYING)." };
        var since = new Option<string?>("--since") { Description = "Only logs created at or after this ISO 8601 date-time." };
        var until = new Option<string?>("--until") { Description = "Only logs created at or before this ISO 8601 date-time." };
        logs.Options.Add(topic);
        logs.Options.Add(status);
        logs.Options.Add(since);
        logs.Options.Add(until);
        Pax8CommandContext.SetListAction(
            logs,
            (c, p, page, size) => c.Webhooks.QueryWebhookLogsAsync(p.GetValue(id)!, p.GetValue(topic), page, size, p.GetValue(status), p.GetValue(since), p.GetValue(until), cancellationToken: p.Token),
            (c, p, size) => c.Webhooks.QueryWebhookLogsAllAsync(p.GetValue(id)!, p.GetValue(topic), size, p.GetValue(status), p.GetValue(since), p.GetValue(until)),
            page => page.Content);
        return logs;
    }

    private static Command Retry()
    {
        var id = WebhookId();
        var logId = Pax8CommandContext.IdArgument("logId");
        var retry = new Command("retry", "Ask Pax8 to deliver a failed event again (accepted now, delivered later).") { id, logId };
        Pax8CommandContext.SetAction(retry, async (c, p) =>
        {
            await c.Webhooks.RetryWebhookDeliveryAsync(p.GetValue(id)!, p.GetValue(logId)!, p.Token);
            return (object?)null;
        });
        return retry;
    }
}
