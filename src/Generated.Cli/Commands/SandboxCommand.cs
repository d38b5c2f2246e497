using System.CommandLine;
using Generated.Sandbox;

namespace Generated.Cli.Commands;

/// <summary><c>sandbox [--urls]</c>: runs the embedded sandbox until Ctrl+C.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Address to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("sandbox", "Run the embedded sandbox (Pax8 under /pax8/v1/) until Ctrl+C.") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var app = SandboxServer.Build(new SandboxOptions(), parse.GetValue(urls)!);
            await app.StartAsync(cancellationToken);
            foreach (var address in app.Urls)
            {
                Console.Error.WriteLine($"Sandbox listening on {address} — Pax8 base URL {address.TrimEnd('/')}/pax8/v1/, client id '{SandboxOptions.DefaultPax8ClientId}', secret '{SandboxOptions.DefaultPax8ClientSecret}'.");
            }

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
