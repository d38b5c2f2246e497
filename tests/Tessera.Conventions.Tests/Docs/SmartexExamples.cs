using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

/// <summary>The code of docs/smartex.md.</summary>
internal static class SmartexExamples
{
    public static async Task PairingAsync(CancellationToken cancellationToken)
    {
        #region snippet: smartex-pairing
        var smartex = SmartexClient.Create(new SmartexClientOptions { KeyFile = "~/.myapp/smartex.key" }); // created when missing
        Console.WriteLine($"This client's SIN: {smartex.Identity.Sin}");

        // Either: a pairing code from the Smartex dashboard (server-initiated) ...
        await smartex.Pairing.PairWithCodeAsync("AbC1234", cancellationToken: cancellationToken);

        // ... or: request a token and have a person approve it (client-initiated).
        var request = await smartex.Pairing.RequestTokenAsync("merchant", cancellationToken: cancellationToken);
        Console.WriteLine($"Approve at {request.ApprovalUrl} before {request.ExpiresAt:u}");
        #endregion
    }

    public static async Task InvoiceAsync(ISmartexClient smartex, CancellationToken cancellationToken)
    {
        #region snippet: smartex-invoice
        try
        {
            var invoice = (await smartex.CreateInvoiceAsync(
                new InvoiceRequest { Price = 25m, Currency = "USD", NotificationURL = new Uri("https://shop.example.com/smartex/ipn"), FullNotifications = true },
                cancellationToken)).Data;
            Console.WriteLine($"Pay {invoice.EthPrice} ETH at {invoice.Url}");
        }
        catch (SmartexNotPairedException exception)
        {
            Console.WriteLine(exception.Message); // says which facade to pair and how
        }
        catch (SmartexErrorException exception)
        {
            Console.WriteLine($"{exception.ErrorType}: {exception.ErrorMessage}");
        }
        #endregion
    }

    public static async Task IpnAsync(WebApplication app, ISmartexClient smartex, IShopOrders orders, CancellationToken cancellationToken)
    {
        #region snippet: smartex-ipn
        // When creating the invoice, store what was asked for, keyed by the invoice id Smartex returned.
        var invoice = (await smartex.CreateInvoiceAsync(
            new InvoiceRequest { Price = 250m, Currency = "USD", OrderID = "order-1042", NotificationURL = new Uri("https://shop.example.com/smartex/ipn") },
            cancellationToken)).Data;
        await orders.SaveInvoiceAsync(SmartexInvoiceRecord.FromCreated(invoice), cancellationToken);

        // IPNs are unsigned: the body is never believed. The confirmer rejects ids this shop never created (without
        // calling Smartex), re-fetches the invoice, and checks it against the stored record.
        var ipn = app.Services.GetRequiredService<SmartexIpn>(); // registered by AddSmartexClient
        app.MapPost("/smartex/ipn", async (HttpRequest request, CancellationToken ct) =>
        {
            try
            {
                var confirmed = await ipn.ConfirmAsync(request.Body, orders.FindInvoiceAsync, ct);
                if (confirmed.IsSettled)
                {
                    await orders.ShipAsync(confirmed.Record.OrderId!, ct); // the stored order, never the notification's
                }

                return Results.Ok();
            }
            catch (SmartexIpnRejectedException rejected)
            {
                return Results.StatusCode(rejected.StatusCode); // 503 asks Smartex to deliver it again
            }
        });
        #endregion
    }

    /// <summary>The shop's own storage, as the docs example assumes it.</summary>
    public interface IShopOrders
    {
        Task SaveInvoiceAsync(SmartexInvoiceRecord record, CancellationToken cancellationToken);

        ValueTask<SmartexInvoiceRecord?> FindInvoiceAsync(string invoiceId, CancellationToken cancellationToken);

        Task ShipAsync(string orderId, CancellationToken cancellationToken);
    }
}
