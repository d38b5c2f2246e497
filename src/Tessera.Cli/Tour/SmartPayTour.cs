using Tessera.Cli.Output;
using Tessera.Sandbox.SmartPay;
using Tessera.SmartPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Tessera.Cli.Tour;

/// <summary>SmartPay v1.2: session token, consumer lifecycle, paged orders and invoices, a verified webhook delivery.</summary>
internal sealed class SmartPayTour
{
    private readonly TourTargets _targets;
    private readonly ILoggerFactory _loggerFactory;

    public SmartPayTour(TourTargets targets, ILoggerFactory loggerFactory)
    {
        _targets = targets;
        _loggerFactory = loggerFactory;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]SmartPay v1.2[/]").LeftJustified());
        // Only the sandbox's own api key, whatever the environment holds: the tour may be pointed at any URL.
        var apiKey = SmartPaySandboxOptions.DefaultApiKey;
        var client = SmartPayClient.Create(new SmartPayClientOptions { ApiKey = apiKey, BaseUrl = _targets.SmartPayBaseUrl }, _loggerFactory);

        Pax8Tour.Step("1. A consumer, created, modified and deleted", "The api_key buys a one-hour session token (once); the client puts it into every form body.");
        var created = await client.CreateConsumerAsync(
            new CreateConsumerRequest
            {
                FirstName = "Tour",
                LastName = "Consumer",
                Email = $"tour.{Guid.NewGuid():N}@example.com",
                Phone = "6045550100",
                StreetAddress = "100 Granville St",
                City = "Vancouver",
                ProvinceState = "BC",
                PostalCode = "V6C 1S4",
                Country = "CA",
                CustomConsumerId = "TOUR" + Random.Shared.Next(100000, 999999),
            },
            cancellationToken);
        var consumerId = created.Result!.ConsumerId;
        await client.ModifyConsumerAsync(new ModifyConsumerRequest { ConsumerId = consumerId, Phone = "6045550199" }, cancellationToken);
        var modified = (await client.GetConsumersAsync(new GetConsumersRequest { ConsumerId = consumerId }, cancellationToken)).Result!.Single();
        AnsiConsole.MarkupLine($"   Consumer {Markup.Escape(consumerId)}: {Markup.Escape(modified.Name ?? string.Empty)}, phone now {Markup.Escape(modified.Phone ?? string.Empty)}.");

        var consumers = 0;
        var pages = 0;
        await foreach (var page in client.GetConsumersAllAsync(cancellationToken: cancellationToken).AsPages(cancellationToken: cancellationToken))
        {
            pages++;
            consumers += page.Items.Count;
        }

        AnsiConsole.MarkupLine($"   {consumers} consumers in {pages} pages of up to 100.");
        await client.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = consumerId }, cancellationToken);
        AnsiConsole.MarkupLine("   Deleted again.");

        Pax8Tour.Step("2. Orders and invoices across pages", "Every list is an AsyncPageable; amounts and flags arrive as strings or numbers and are read leniently.");
        var orders = await client.GetOrdersAllAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var invoices = await client.GetInvoicesAllAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        AnsiConsole.MarkupLine($"   {orders.Count} orders, {invoices.Count} invoices.");
        CliOutput.WriteTable(invoices.Take(5), ("Invoice", i => i.InvoiceId), ("Name", i => i.Name), ("Amount", i => i.Amount), ("Method", i => i.PaymentMethod), ("Paid", i => i.DatePaid), ("Failed", i => i.DateFailed));

        Pax8Tour.Step("3. A webhook on a local receiver", "SmartPay test-pings the URL; the receiver verifies X-SmartPay-Hmac-Sha256 over the raw body before the notification reaches code.");
        var paid = new TaskCompletionSource<SmartPayWebhookNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = 0;
        await using var receiver = await LocalReceiver.StartAsync(
            services => services.AddSmartPayWebhooks(o => o.Key = apiKey),
            app => app.MapSmartPayWebhook("/smartpay/webhooks", (notification, _) =>
            {
                Interlocked.Increment(ref received);
                if (notification.UnverifiedTopic == SmartPayWebhookTopics.InvoicePaid)
                {
                    paid.TrySetResult(notification);
                }

                return Task.CompletedTask;
            }),
            cancellationToken);
        var webhook = await client.CreateWebhookAsync(new CreateWebhookRequest { Topic = SmartPayWebhookTopics.InvoicePaid, Url = new Uri(receiver.BaseAddress, "smartpay/webhooks") }, cancellationToken);
        var unpaid = invoices.First(i => i.DatePaid is null && i.DateFailed is null && i.IsEnabled != false);
        using (var sandbox = new HttpClient())
        {
            using var response = await sandbox.PostAsync(new Uri(_targets.SandboxBaseAddress, $"smartpay/_sandbox/invoices/{unpaid.InvoiceId}/pay"), null, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var notification = await paid.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        AnsiConsole.MarkupLine($"   Webhook {Markup.Escape(webhook.Result!.WebhookId)}: {received} verified deliveries (the test ping and '{Markup.Escape(notification.UnverifiedTopic)}' for invoice {Markup.Escape(unpaid.InvoiceId)}).");
        await client.DeleteWebhookAsync(new DeleteWebhookRequest { WebhookId = webhook.Result.WebhookId }, cancellationToken);
    }
}
