using Generated.Smartex;
using Generated.Smartex.Ipn;
using Generated.Smartex.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Generated.Conventions.Tests.Docs;

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

    public static async Task InvoiceAsync(SmartexClient smartex, CancellationToken cancellationToken)
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

    public static void Ipn(WebApplication app, SmartexClient smartex)
    {
        #region snippet: smartex-ipn
        // IPNs are unsigned: never trust the body, confirm it by fetching the invoice.
        var ipn = new SmartexIpn(smartex);
        app.MapPost("/smartex/ipn", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var confirmed = await ipn.ConfirmAsync(request.Body, cancellationToken);
            if (confirmed.Status == InvoiceStatus.Confirmed || confirmed.Status == InvoiceStatus.Complete)
            {
                Console.WriteLine($"Ship order {confirmed.Invoice.OrderId}");
            }

            return Results.Ok();
        });
        #endregion
    }
}
