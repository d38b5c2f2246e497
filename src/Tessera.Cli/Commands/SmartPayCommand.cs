using System.CommandLine;
using Tessera.Cli.Output;
using Tessera.SmartPay;

namespace Tessera.Cli.Commands;

/// <summary><c>smartpay consumers|orders|invoices|webhooks &lt;verb&gt;</c>: real calls to SmartPay v1.2 (api key from SMARTPAY_API_KEY).</summary>
internal static class SmartPayCommand
{
    public const string ApiKeyVariable = "SMARTPAY_API_KEY";

    private static readonly Option<Uri?> BaseUrl = new("--base-url") { CustomParser = CliParsers.AbsoluteUri, Description = "SmartPay base URL (default https://api.smartpay.curexe.com/1-2/).", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Write the result as one JSON document on stdout.", Recursive = true };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Log HTTP traffic (secrets redacted) to stderr.", Recursive = true };

    public static Command Create()
    {
        var command = new Command("smartpay", $"Call the SmartPay API v1.2 (api key from {ApiKeyVariable}).") { BaseUrl, Json, Verbose };
        command.Subcommands.Add(Consumers());
        command.Subcommands.Add(Orders());
        command.Subcommands.Add(Invoices());
        command.Subcommands.Add(Webhooks());
        return command;
    }

    private static Command Consumers()
    {
        var consumers = new Command("consumers", "Consumers (your payers).");
        consumers.Subcommands.Add(List("list", "List consumers.", (c, all, page, ct) => all
            ? Collect(c.GetConsumersAllAsync(null, ct), ct)
            : Page(c.GetConsumersAsync(new GetConsumersRequest { Page = page }, ct), r => r.Result)));

        var id = new Argument<string>("consumerId") { Description = "The consumer id." };
        var get = new Command("get", "Show one consumer.") { id };
        SetAction(get, async (c, p, ct) => (await c.GetConsumersAsync(new GetConsumersRequest { ConsumerId = p.GetValue(id) }, ct)).Result?.FirstOrDefault()
            ?? throw new CliInputException($"no consumer with id '{p.GetValue(id)}'"));
        consumers.Subcommands.Add(get);

        var body = Pax8CommandContext.BodyOption();
        var create = new Command("create", "Create a consumer from a JSON body (CreateConsumerRequest: first_name, last_name, email, phone, street_address, city, province_state, country, custom_consumer_id). Sent once.") { body };
        SetAction(create, async (c, p, ct) => (await c.CreateConsumerAsync(await Pax8CommandContext.ReadBodyAsync<CreateConsumerRequest>(p.GetValue(body)), ct)).Result);
        consumers.Subcommands.Add(create);

        var modifyBody = Pax8CommandContext.BodyOption();
        var modify = new Command("modify", "Change a consumer from a JSON body (ModifyConsumerRequest, consumer_id required).") { modifyBody };
        SetAction(modify, async (c, p, ct) => (await c.ModifyConsumerAsync(await Pax8CommandContext.ReadBodyAsync<ModifyConsumerRequest>(p.GetValue(modifyBody)), ct)).Result);
        consumers.Subcommands.Add(modify);

        var deleteId = new Argument<string>("consumerId") { Description = "The consumer id." };
        var delete = new Command("delete", "Delete a consumer without orders or invoices.") { deleteId };
        SetAction(delete, async (c, p, ct) => (await c.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = p.GetValue(deleteId)! }, ct)).Result);
        consumers.Subcommands.Add(delete);
        return consumers;
    }

    private static Command Orders()
    {
        var orders = new Command("orders", "Orders (groups of invoices).");
        orders.Subcommands.Add(List("list", "List orders.", (c, all, page, ct) => all
            ? Collect(c.GetOrdersAllAsync(null, ct), ct)
            : Page(c.GetOrdersAsync(new GetOrdersRequest { Page = page }, ct), r => r.Result)));
        return orders;
    }

    private static Command Invoices()
    {
        var invoices = new Command("invoices", "Invoices (amounts to collect).");
        invoices.Subcommands.Add(List("list", "List invoices.", (c, all, page, ct) => all
            ? Collect(c.GetInvoicesAllAsync(null, ct), ct)
            : Page(c.GetInvoicesAsync(new GetInvoicesRequest { Page = page }, ct), r => r.Result)));
        return invoices;
    }

    private static Command Webhooks()
    {
        var webhooks = new Command("webhooks", "Webhook subscriptions (SmartPay test-pings the URL: it must answer 200).");
        webhooks.Subcommands.Add(List("list", "List webhooks.", (c, all, page, ct) => all
            ? Collect(c.GetWebhooksAllAsync(null, ct), ct)
            : Page(c.GetWebhooksAsync(new GetWebhooksRequest { Page = page }, ct), r => r.Result)));

        var topic = new Option<string>("--topic") { Description = "The topic, e.g. " + string.Join(", ", SmartPayWebhookTopics.All) + ".", Required = true };
        var url = new Option<Uri?>("--url") { CustomParser = CliParsers.AbsoluteUri, Description = "The receiver URL.", Required = true };
        var create = new Command("create", "Subscribe a URL to a topic.") { topic, url };
        SetAction(create, async (c, p, ct) => (await c.CreateWebhookAsync(new CreateWebhookRequest { Topic = p.GetValue(topic)!, Url = p.GetValue(url)! }, ct)).Result);
        webhooks.Subcommands.Add(create);

        var modifyId = new Argument<string>("webhookId") { Description = "The webhook id." };
        var modifyUrl = new Option<Uri?>("--url") { CustomParser = CliParsers.AbsoluteUri, Description = "The new receiver URL.", Required = true };
        var modify = new Command("modify", "Point a webhook at another URL.") { modifyId, modifyUrl };
        SetAction(modify, async (c, p, ct) => (await c.ModifyWebhookAsync(new ModifyWebhookRequest { WebhookId = p.GetValue(modifyId)!, Url = p.GetValue(modifyUrl)! }, ct)).Result);
        webhooks.Subcommands.Add(modify);

        var deleteId = new Argument<string>("webhookId") { Description = "The webhook id." };
        var delete = new Command("delete", "Delete a webhook.") { deleteId };
        SetAction(delete, async (c, p, ct) => (await c.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = p.GetValue(deleteId)! }, ct)).Result);
        webhooks.Subcommands.Add(delete);
        return webhooks;
    }

    private static Command List(string name, string description, Func<SmartPayClient, bool, int?, CancellationToken, Task<object?>> fetch)
    {
        var all = new Option<bool>("--all") { Description = "Follow every page (100 a page) and return all items." };
        var page = new Option<int?>("--page") { Description = "Page number (SmartPay starts at 1)." };
        var command = new Command(name, description) { all, page };
        SetAction(command, (c, p, ct) =>
        {
            if (p.GetValue(page) is < 1)
            {
                throw new CliInputException("--page starts at 1");
            }

            return fetch(c, p.GetValue(all), p.GetValue(page), ct);
        });
        return command;
    }

    private static async Task<object?> Collect<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<object?> Page<TResponse, TItem>(Task<TResponse> response, Func<TResponse, IList<TItem>?> items) =>
        items(await response) ?? [];

    private static void SetAction<T>(Command command, Func<SmartPayClient, ParseResult, CancellationToken, Task<T>> action) =>
        command.SetAction((parse, token) => CommandRunner.RunAsync(token, async () =>
        {
            using var loggerFactory = CliLogging.Create(parse.GetValue(Verbose));
            var options = new SmartPayClientOptions { ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) };
            options.BaseUrl = parse.GetValue(BaseUrl) ?? options.BaseUrl;
            var client = SmartPayClient.Create(options, loggerFactory);
            CliOutput.Write(await action(client, parse, token), parse.GetValue(Json));
        }, parse.GetValue(Verbose)));
}
