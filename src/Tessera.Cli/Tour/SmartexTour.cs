using Tessera.Cli.Output;
using Tessera.Smartex;
using Tessera.Smartex.Ipn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Tessera.Cli.Tour;

/// <summary>Smartex: a new key, client-side pairing approved in the sandbox, an invoice, its IPN received and confirmed.</summary>
internal sealed class SmartexTour
{
    private readonly TourTargets _targets;
    private readonly ILoggerFactory _loggerFactory;

    public SmartexTour(TourTargets targets, ILoggerFactory loggerFactory)
    {
        _targets = targets;
        _loggerFactory = loggerFactory;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]Smartex[/]").LeftJustified());
        var home = Directory.CreateTempSubdirectory("smartex-tour-");
        try
        {
            var client = SmartexClient.Create(new SmartexClientOptions { BaseUrl = _targets.SmartexBaseUrl, KeyFile = Path.Combine(home.FullName, "api.key") }, _loggerFactory);

            Pax8Tour.Step("1. A key and client-side pairing", "A new secp256k1 key (PEM, 0600) and its SIN; a merchant token requested and approved (the sandbox stands in for the dashboard).");
            var request = await client.Pairing.RequestTokenAsync("merchant", cancellationToken: cancellationToken);
            using (var dashboard = new HttpClient())
            {
                using var approval = await dashboard.GetAsync(new Uri(_targets.SandboxBaseAddress, "smartex/api-access-request?pairingCode=" + Uri.EscapeDataString(request.PairingCode)), cancellationToken);
                approval.EnsureSuccessStatusCode();
            }

            AnsiConsole.MarkupLine($"   SIN {Markup.Escape(client.Identity.Sin)}; merchant token approved (a person would open {Markup.Escape(SmartexPairingUrlWithoutCode(request.ApprovalUrl))}…).");

            Pax8Tour.Step("2. An invoice and its IPN", "Every request is signed (X-Identity, X-Signature over URL + body); the IPN is unsigned, so it is checked against the invoice record stored at creation and confirmed by fetching the invoice.");
            var confirmed = new TaskCompletionSource<SmartexConfirmedInvoice>(TaskCreationOptions.RunContinuationsAsynchronously);
            var records = new System.Collections.Concurrent.ConcurrentDictionary<string, SmartexInvoiceRecord>(StringComparer.Ordinal);
            var ipn = new SmartexIpn(client);
            await using var receiver = await LocalReceiver.StartAsync(
                _ => { },
                app => app.MapPost("/smartex/ipn", async (HttpRequest http, CancellationToken ct) =>
                {
                    try
                    {
                        var result = await ipn.ConfirmAsync(http.Body, (id, _) => ValueTask.FromResult(records.GetValueOrDefault(id)), ct);
                        if (result.Status.Value == "paid")
                        {
                            confirmed.TrySetResult(result);
                        }

                        return Results.Ok();
                    }
                    catch (SmartexIpnRejectedException rejected)
                    {
                        return Results.StatusCode(rejected.StatusCode);
                    }
                }),
                cancellationToken);
            var invoice = (await client.CreateInvoiceAsync(new InvoiceRequest { Price = 25.00m, Currency = "USD", FullNotifications = true, OrderID = "TOUR-" + Random.Shared.Next(1000, 9999), NotificationURL = new Uri(receiver.BaseAddress, "smartex/ipn") }, cancellationToken)).Data;
            records[invoice.Id] = SmartexInvoiceRecord.FromCreated(invoice);
            AnsiConsole.MarkupLine($"   Invoice {Markup.Escape(invoice.Id)}: {invoice.Price} {Markup.Escape(invoice.Currency)} = {invoice.EthPrice} ETH, status {Markup.Escape(invoice.Status.Value)}, expires {invoice.ExpirationTime:yyyy-MM-dd HH:mm}.");
            using (var sandbox = new HttpClient())
            {
                using var pay = await sandbox.PostAsync(new Uri(_targets.SandboxBaseAddress, $"smartex/_sandbox/invoices/{invoice.Id}/pay"), null, cancellationToken);
                pay.EnsureSuccessStatusCode();
            }

            var result = await confirmed.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
            AnsiConsole.MarkupLine($"   IPN received and confirmed by re-fetching: order {Markup.Escape(result.Record.OrderId ?? "-")} (from the stored record), status {Markup.Escape(result.Status.Value)}, paid {result.Invoice.EthPaid} ETH.");

            Pax8Tour.Step("3. Rates", "Public, unsigned.");
            var rates = (await client.GetRatesAsync(cancellationToken)).Data;
            CliOutput.WriteTable(rates.Take(5).Cast<object>().ToList());
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    private static string SmartexPairingUrlWithoutCode(Uri approvalUrl) => approvalUrl.GetLeftPart(UriPartial.Path);
}
