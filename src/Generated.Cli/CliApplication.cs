using System.CommandLine;
using Generated.Cli.Commands;

namespace Generated.Cli;

/// <summary>The command tree of <c>generated</c>; tests invoke it in process.</summary>
internal static class CliApplication
{
    public static RootCommand CreateRootCommand() => new("Typed clients for the Pax8 Partner API (SmartPay and Smartex to follow): a guided tour on the embedded sandbox, the sandbox itself, and real API calls.")
    {
        TourCommand.Create(),
        SandboxCommand.Create(),
        Pax8Command.Create(),
    };

    public static Task<int> RunAsync(string[] args) => CreateRootCommand().Parse(args).InvokeAsync();
}
