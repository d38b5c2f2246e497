using System.CommandLine;
using Generated.Cli.Tour;
using Generated.Pax8;
using Generated.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Generated.Cli.Commands;

/// <summary>
/// <c>tour</c>: starts the embedded sandbox on a free loopback port (or uses <c>--base-url</c>) and
/// walks a realistic flow through the generated clients.
/// </summary>
internal static class TourCommand
{
    public static Command Create()
    {
        var baseUrl = new Option<Uri?>("--pax8-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Send the Pax8 part to this base URL (for example a contract-checking proxy in front of a sandbox) instead of the embedded sandbox." };
        var tokenUrl = new Option<Uri?>("--pax8-token-url") { CustomParser = CliParsers.AbsoluteUri, Description = "Token endpoint to use with --pax8-url (default <pax8-url>/token)." };
        var only = new Option<string[]>("--only") { Description = "Run only these parts: pax8.", AllowMultipleArgumentsPerToken = true };
        var verbose = new Option<bool>("--verbose") { Description = "Log every HTTP call (secrets redacted) to stderr." };
        var command = new Command("tour", "Walk a realistic Pax8 flow through the generated client on the embedded sandbox (no credentials, no network).") { baseUrl, tokenUrl, only, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var loggerFactory = LoggerFactory.Create(logging =>
            {
                logging.AddSimpleConsole(console => console.SingleLine = true);
                logging.AddFilter((_, level) => parse.GetValue(verbose) ? level >= LogLevel.Information : level >= LogLevel.Error);
                logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            });

            RunningSandbox? sandbox = null;
            try
            {
                var options = new Pax8ClientOptions
                {
                    ClientId = Environment.GetEnvironmentVariable(Pax8CommandContext.ClientIdVariable) ?? SandboxOptions.DefaultPax8ClientId,
                    ClientSecret = Environment.GetEnvironmentVariable(Pax8CommandContext.ClientSecretVariable) ?? SandboxOptions.DefaultPax8ClientSecret,
                };
                if (parse.GetValue(baseUrl) is { } external)
                {
                    options.BaseUrl = external;
                    options.TokenUrl = parse.GetValue(tokenUrl) ?? new Uri(new Uri(external.AbsoluteUri.TrimEnd('/') + "/"), "token");
                }
                else
                {
                    sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken);
                    options.BaseUrl = sandbox.Pax8BaseUrl;
                    options.TokenUrl = sandbox.Pax8TokenUrl;
                    AnsiConsole.MarkupLine($"[grey]Sandbox started at {Markup.Escape(sandbox.BaseAddress.ToString())}[/]");
                }

                var client = Pax8Client.Create(options, loggerFactory);
                var result = await new Pax8Tour(client, sandbox).RunAsync(cancellationToken);
                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }
            catch (Exception exception) when (exception is Generated.Runtime.Errors.ApiException or HttpRequestException or Pax8AuthenticationException or TimeoutException)
            {
                Output.CliOutput.Error($"the tour failed: {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.ApiError;
            }
            finally
            {
                if (sandbox is not null)
                {
                    await sandbox.DisposeAsync();
                }
            }
        });
        return command;
    }
}
