using System.CommandLine;
using Tessera.Sandbox;
using Tessera.Sandbox.SmartPay;

namespace Tessera.Cli.Commands;

/// <summary><c>sandbox [--urls]</c>: runs the embedded sandbox until Ctrl+C.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Address to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var smartexPublicUrl = new Option<Uri?>("--smartex-public-url")
        {
            CustomParser = CliParsers.AbsoluteUri,
            Description = "The Smartex base URL clients use when a proxy stands in front of the sandbox (signatures cover the URL the client saw).",
        };
        var drift = new Option<bool>("--drift") { Description = "Answer like a vendor that drifted from its docs (an undocumented member, unlisted status values), to try --report-drift." };
        var command = new Command("sandbox", "Run the embedded sandbox until Ctrl+C: Pax8 under /pax8/v1/, SmartPay under /smartpay/1-2/, Smartex under /smartex/.") { urls, smartexPublicUrl, drift };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SandboxOptions();
            options.Smartex.PublicBaseUrl = parse.GetValue(smartexPublicUrl);
            options.Drift = parse.GetValue(drift);
            var app = SandboxServer.Build(options, parse.GetValue(urls)!);
            await app.StartAsync(cancellationToken);
            var address = app.Urls.First().TrimEnd('/');
            Console.Error.WriteLine($"Sandbox listening on {address}");
            Console.Error.WriteLine($"  Pax8:     {address}/pax8/v1/ (token {address}/pax8/v1/token), client id '{SandboxOptions.DefaultPax8ClientId}', secret '{SandboxOptions.DefaultPax8ClientSecret}'");
            Console.Error.WriteLine($"  SmartPay: {address}/smartpay/1-2/, api key '{SmartPaySandboxOptions.DefaultApiKey}'");
            Console.Error.WriteLine($"  Smartex:  {address}/smartex/ (approve pairings at {address}/smartex/api-access-request?pairingCode=…)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            return ExitCodes.Success;
        });
        return command;
    }
}
