using System.CommandLine;
using Tessera.Cli.Output;
using Tessera.Smartex;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Pairing;
using Spectre.Console;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>smartex keygen | pair | token create | approve | invoice create | invoice get | invoice refunds | invoice refund |
/// invoices list | rates | currencies</c>:
/// the signed Smartex API with a local key file and paired facade tokens.
/// </summary>
internal static class SmartexCommand
{
    private static readonly Option<Uri?> BaseUrl = new("--base-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Smartex base URL (default https://smartex.io/).", Recursive = true };
    private static readonly Option<string?> KeyFile = new("--key-file") { Description = "The identity key (PEM). Default ~/.tessera/smartex/api.key; created when missing.", Recursive = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Write the result as one JSON document on stdout.", Recursive = true };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Log HTTP traffic (secrets redacted) to stderr.", Recursive = true };

    public static Command Create()
    {
        var command = new Command("smartex", "Call the Smartex API: signed requests from a local key, paired facade tokens.") { BaseUrl, KeyFile, Json, Verbose };
        command.Subcommands.Add(Keygen());
        command.Subcommands.Add(Pair());
        command.Subcommands.Add(Token());
        command.Subcommands.Add(Approve());
        command.Subcommands.Add(Invoice());
        command.Subcommands.Add(Invoices());
        var rates = new Command("rates", "Exchange rates of Ether.");
        SetAction(rates, async (c, _, ct) => (await c.GetRatesAsync(ct)).Data);
        command.Subcommands.Add(rates);
        var currencies = new Command("currencies", "Supported currencies.");
        SetAction(currencies, async (c, _, ct) => (await c.GetCurrenciesAsync(ct)).Data);
        command.Subcommands.Add(currencies);
        return command;
    }

    private static Command Keygen()
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing key (its pairings are lost)." };
        var command = new Command("keygen", "Create the identity key (secp256k1, PEM, mode 0600) and print its SIN.") { force };
        command.SetAction((parse, token) => CommandRunner.RunAsync(token, () =>
        {
            var path = Options(parse).ResolveKeyFile();

            // The same checks as the client's own key loading: no link at the path (not even a dangling one, which
            // File.Exists calls missing) and a directory nobody else can write.
            Tessera.Core.Files.PrivateFiles.CheckNotLink(path, "The Smartex key file");
            if (File.Exists(path) && !parse.GetValue(force))
            {
                throw new CliInputException($"'{path}' already exists; pass --force to replace it");
            }

            Tessera.Core.Files.PrivateFiles.EnsureDirectory(path, "The Smartex key file");
            Tessera.Core.Files.PrivateFiles.CheckReplaceable(path, "The Smartex key file");
            var identity = SmartexIdentity.Generate();
            identity.SavePem(path);
            CliOutput.Write(new { keyFile = path, sin = identity.Sin, publicKey = identity.PublicKeyHex }, parse.GetValue(Json));
            return Task.CompletedTask;
        }));
        return command;
    }

    private static Command Pair()
    {
        var code = new Argument<string>("pairingCode") { Description = "The 7-character code from the Smartex dashboard (API tokens page)." };
        var command = new Command("pair", "Server-initiated pairing: exchange a dashboard pairing code for its facade token.") { code };
        SetAction(command, async (c, p, ct) =>
        {
            var pairingCode = p.GetValue(code)!;
            if (!SmartexPairing.IsValidPairingCode(pairingCode))
            {
                throw new CliInputException("a pairing code is exactly 7 letters or digits");
            }

            var token = await c.Pairing.PairWithCodeAsync(pairingCode, cancellationToken: ct);
            return new { paired = token.Facade, sin = c.Identity.Sin };
        });
        return command;
    }

    private static Command Token()
    {
        var token = new Command("token", "Facade tokens.");
        var facade = new Argument<string>("facade") { Description = "pos or merchant." };
        var create = new Command("create", "Client-initiated pairing: request a token for a facade and print the approval URL.") { facade };
        SetAction(create, async (c, p, ct) =>
        {
            var request = await c.Pairing.RequestTokenAsync(p.GetValue(facade)!, cancellationToken: ct);
            return new { facade = request.Facade, pairingCode = request.PairingCode, expiresAt = request.ExpiresAt, approvalUrl = request.ApprovalUrl };
        });
        token.Subcommands.Add(create);
        var list = new Command("list", "The tokens Smartex holds for this identity.");
        SetAction(list, async (c, _, ct) => (await c.Pairing.GetTokensAsync(ct)).Data);
        token.Subcommands.Add(list);
        return token;
    }

    private static Command Approve()
    {
        var code = new Argument<string>("pairingCode") { Description = "The pairing code printed by 'token create'." };
        var command = new Command("approve", "SANDBOX ONLY: approve a client-initiated pairing, as a person would on the dashboard.") { code };
        command.SetAction((parse, token) => CommandRunner.RunAsync(token, async () =>
        {
            var pairingCode = parse.GetValue(code)!;
            if (!SmartexPairing.IsValidPairingCode(pairingCode))
            {
                throw new CliInputException("a pairing code is exactly 7 letters or digits");
            }

            using var http = new HttpClient();
            using var response = await http.GetAsync(SmartexPairing.BuildApprovalUrl(Options(parse).BaseUrl, pairingCode), token);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliInputException($"the approval page answered HTTP {(int)response.StatusCode}; is --base-url a sandbox?");
            }

            CliOutput.Write(new { approved = true }, parse.GetValue(Json));
        }));
        return command;
    }

    private static Command Invoice()
    {
        var invoice = new Command("invoice", "One invoice.");
        var price = new Option<decimal>("--price") { Description = "The price, greater than zero.", Required = true };
        var currency = new Option<string>("--currency") { Description = "ISO currency code, e.g. USD, EUR, CAD, GBP.", Required = true };
        var orderId = new Option<string?>("--order-id") { Description = "Your order reference." };
        var notify = new Option<Uri?>("--notification-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Where Smartex sends the IPN (unsigned: confirm by fetching the invoice)." };
        var create = new Command("create", "Create an invoice (pos or merchant token). Sent once, never retried.") { price, currency, orderId, notify };
        SetAction(create, async (c, p, ct) =>
        {
            var amount = p.GetValue(price);
            var code = p.GetValue(currency)!;
            if (amount <= 0)
            {
                throw new CliInputException("--price must be greater than zero");
            }

            if (code.Length != 3 || !code.All(char.IsAsciiLetter))
            {
                throw new CliInputException("--currency must be a three-letter code such as USD");
            }

            return (await c.CreateInvoiceAsync(new InvoiceRequest { Price = amount, Currency = code.ToUpperInvariant(), OrderID = p.GetValue(orderId), NotificationURL = p.GetValue(notify) }, ct)).Data;
        });
        invoice.Subcommands.Add(create);

        var id = new Argument<string>("invoiceId") { Description = "The invoice id." };
        var get = new Command("get", "Show an invoice (merchant view when a merchant token is paired).") { id };
        SetAction(get, async (c, p, ct) => (await c.GetInvoiceAsync(p.GetValue(id)!, ct)).Data);
        invoice.Subcommands.Add(get);

        // Refunds are authorised by the invoice's own resource token, which only the merchant view carries: fetch the
        // invoice first, then use its token.
        var refunds = new Command("refunds", "List an invoice's refund requests (fetches the invoice with the merchant token for its resource token).") { id };
        SetAction(refunds, async (c, p, ct) => (await c.GetRefundsAsync(await InvoiceWithTokenAsync(c, p.GetValue(id)!, ct), ct)).Data);
        invoice.Subcommands.Add(refunds);

        var refund = new Command("refund", "Request a refund of a paid invoice (merchant token, for the invoice's resource token). Sent once, never retried.") { id };
        SetAction(refund, async (c, p, ct) => (await c.CreateRefundAsync(await InvoiceWithTokenAsync(c, p.GetValue(id)!, ct), cancellationToken: ct)).Data);
        invoice.Subcommands.Add(refund);
        return invoice;
    }

    private static Command Invoices()
    {
        var invoices = new Command("invoices", "Invoices (merchant token).");
        var from = new Option<DateOnly?>("--from") { Description = "First day (yyyy-MM-dd); default 30 days ago." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (yyyy-MM-dd)." };
        var list = new Command("list", "List invoices created in a date range.") { from, to };
        SetAction(list, async (c, p, ct) =>
        {
            var start = p.GetValue(from) ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30));
            var end = p.GetValue(to);
            return (await c.GetInvoicesAsync(Day(start), end is null ? null : Day(end.Value), cancellationToken: ct)).Data;
        });
        invoices.Subcommands.Add(list);
        return invoices;
    }

    private static async Task<Tessera.Smartex.SmartexInvoice> InvoiceWithTokenAsync(SmartexClient client, string invoiceId, CancellationToken cancellationToken)
    {
        var invoice = (await client.GetInvoiceAsync(invoiceId, cancellationToken)).Data;
        if (string.IsNullOrEmpty(invoice.Token))
        {
            throw new CliInputException($"invoice {invoiceId} came back without its resource token (the public view); pair a merchant token first");
        }

        return invoice;
    }

    private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static SmartexClientOptions Options(ParseResult parse)
    {
        var options = new SmartexClientOptions();
        options.BaseUrl = parse.GetValue(BaseUrl) ?? options.BaseUrl;
        options.KeyFile = parse.GetValue(KeyFile) ?? options.KeyFile;
        return options;
    }

    private static void SetAction<T>(Command command, Func<SmartexClient, ParseResult, CancellationToken, Task<T>> action) =>
        command.SetAction((parse, token) => CommandRunner.RunAsync(token, async () =>
        {
            using var loggerFactory = CliLogging.Create(parse.GetValue(Verbose));
            var client = SmartexClient.Create(Options(parse), loggerFactory);
            var result = await action(client, parse, token);
            CliOutput.Write(result, parse.GetValue(Json));
            if (!parse.GetValue(Json) && result is not null && command.Name == "create" && command.Parents.Any(p => p.Name == "token"))
            {
                AnsiConsole.MarkupLine("[grey]Open the approval URL and approve the request; the token is stored and used once approved.[/]");
            }
        }, parse.GetValue(Verbose)));
}
