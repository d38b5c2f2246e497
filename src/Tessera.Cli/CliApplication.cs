using System.CommandLine;
using Tessera.Cli.Commands;
using Spectre.Console;

namespace Tessera.Cli;

/// <summary>The command tree of <c>generated</c>; tests invoke it in process.</summary>
internal static class CliApplication
{
    public static RootCommand CreateRootCommand() => new("Typed clients for the Pax8 Partner API, SmartPay v1.2 and Smartex: a guided tour on the embedded sandbox, the sandbox itself, and real API calls.")
    {
        TourCommand.Create(),
        SandboxCommand.Create(),
        Pax8Command.Create(),
        SmartPayCommand.Create(),
        SmartexCommand.Create(),
        Output.DriftReport.Option,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        ConfigureConsole();
        var parse = CreateRootCommand().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors are input errors: one line each on stderr, exit code 2 (help stays on --help).
            foreach (var error in parse.Errors)
            {
                Output.CliOutput.Error(error.Message);
            }

            return Commands.ExitCodes.InvalidInput;
        }

        if (!parse.GetValue(Output.DriftReport.Option))
        {
            return await parse.InvokeAsync();
        }

        using var drift = new Output.DriftReport();
        var exitCode = await parse.InvokeAsync();
        drift.Write();
        return exitCode;
    }

    /// <summary>Plain text when output is redirected or NO_COLOR is set: no colours, no escape codes, no live progress.</summary>
    private static void ConfigureConsole()
    {
        if (Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(Console.Out),
            });
        }
    }
}
