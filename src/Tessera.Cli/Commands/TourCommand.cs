using System.CommandLine;
using Tessera.Cli.Tour;
using Tessera.Sandbox;
using Spectre.Console;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>tour</c>: starts the embedded sandbox on a free loopback port and walks realistic flows through the
/// generated clients. Each API can instead be pointed elsewhere (for example at a contract-checking proxy
/// in front of a standalone sandbox, with <c>--sandbox-url</c> naming that sandbox).
/// </summary>
internal static class TourCommand
{
    private static readonly string[] Parts = ["pax8", "smartpay", "smartex"];

    public static Command Create()
    {
        var pax8Url = new Option<Uri?>("--pax8-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Send the Pax8 part here instead of the embedded sandbox." };
        var pax8TokenUrl = new Option<Uri?>("--pax8-token-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Token endpoint to use with --pax8-url (default <pax8-url>/token)." };
        var pax8WebhooksUrl = new Option<Uri?>("--pax8-webhooks-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Send the Pax8 Webhooks API v2 calls here (default <pax8-url>/../api/v2/, as on api.pax8.com; the embedded sandbox's without --pax8-url)." };
        var smartPayUrl = new Option<Uri?>("--smartpay-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Send the SmartPay part here instead of the embedded sandbox." };
        var smartexUrl = new Option<Uri?>("--smartex-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Send the Smartex part here instead of the embedded sandbox." };
        var sandboxUrl = new Option<Uri?>("--sandbox-url") { CustomParser = CliParsers.AbsoluteUri, Description = "A running sandbox whose dashboard stand-ins (pay an invoice, approve a pairing) the tour uses instead of the embedded one." };
        var only = new Option<string[]>("--only") { Description = "Run only these parts: pax8, smartpay, smartex.", AllowMultipleArgumentsPerToken = true };
        only.AcceptOnlyFromAmong(Parts);
        var verbose = new Option<bool>("--verbose") { Description = "Log every HTTP call (secrets redacted) to stderr." };
        var trace = new Option<bool>("--trace") { Description = "Log every HTTP call with its body (secrets redacted) to stderr, at Trace level." };
        var command = new Command("tour", "Walk realistic Pax8, SmartPay and Smartex flows through the generated clients on the embedded sandbox (no credentials, no network).")
        {
            pax8Url, pax8TokenUrl, pax8WebhooksUrl, smartPayUrl, smartexUrl, sandboxUrl, only, verbose, trace,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var parts = parse.GetValue(only) is { Length: > 0 } chosen ? chosen : Parts;
            using var loggerFactory = CliLogging.Create(parse.GetValue(verbose), parse.GetValue(trace));
            RunningSandbox? sandbox = null;
            return await CommandRunner.RunAsync(cancellationToken, async () =>
            {
                try
                {
                    var needsEmbedded = parse.GetValue(sandboxUrl) is null
                        || (parts.Contains("pax8") && parse.GetValue(pax8Url) is null)
                        || (parts.Contains("smartpay") && parse.GetValue(smartPayUrl) is null)
                        || (parts.Contains("smartex") && parse.GetValue(smartexUrl) is null);
                    if (needsEmbedded)
                    {
                        sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken);
                        AnsiConsole.MarkupLine($"[grey]Sandbox started at {Markup.Escape(sandbox.BaseAddress.ToString())}[/]");
                    }

                    var control = parse.GetValue(sandboxUrl) ?? sandbox!.BaseAddress;
                    var pax8 = parse.GetValue(pax8Url) ?? sandbox!.Pax8BaseUrl;
                    var pax8Base = new Uri(pax8.AbsoluteUri.TrimEnd('/') + "/");
                    var targets = new TourTargets(
                        pax8,
                        parse.GetValue(pax8TokenUrl) ?? (parse.GetValue(pax8Url) is null ? sandbox!.Pax8TokenUrl : new Uri(pax8Base, "token")),
                        parse.GetValue(pax8WebhooksUrl) ?? (parse.GetValue(pax8Url) is null ? sandbox!.Pax8WebhooksBaseUrl : new Uri(pax8Base, "../api/v2/")),
                        parse.GetValue(smartPayUrl) ?? sandbox!.SmartPayBaseUrl,
                        parse.GetValue(smartexUrl) ?? sandbox!.SmartexBaseUrl,
                        new Uri(control.AbsoluteUri.TrimEnd('/') + "/"));

                    if (parts.Contains("pax8"))
                    {
                        await new Pax8Tour(targets, loggerFactory, parse.GetValue(pax8Url) is null ? sandbox : null).RunAsync(cancellationToken);
                    }

                    if (parts.Contains("smartpay"))
                    {
                        await new SmartPayTour(targets, loggerFactory).RunAsync(cancellationToken);
                    }

                    if (parts.Contains("smartex"))
                    {
                        await new SmartexTour(targets, loggerFactory).RunAsync(cancellationToken);
                    }

                    AnsiConsole.Write(new Rule());
                    AnsiConsole.MarkupLine($"[green]Tour complete:[/] {string.Join(", ", parts)}.");
                }
                finally
                {
                    if (sandbox is not null)
                    {
                        await sandbox.DisposeAsync();
                    }
                }
            });
        });
        return command;
    }
}
