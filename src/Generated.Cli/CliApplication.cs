using System.CommandLine;
using Generated.Cli.Commands;

namespace Generated.Cli;

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
    };

    public static async Task<int> RunAsync(string[] args)
    {
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

        return await parse.InvokeAsync();
    }
}
