using System.CommandLine;

namespace Tessera.Cli.Tests;

/// <summary>Every command documents itself: a description for each command, option and argument, and a working --help.</summary>
public sealed class HelpTests
{
    public static IEnumerable<object[]> CommandPaths() =>
        Walk(CliApplication.CreateRootCommand(), []).Select(path => new object[] { string.Join(' ', path) });

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_describes_the_command_and_each_of_its_options(string path)
    {
        var command = Find(path);
        var (exitCode, output, _) = await CliRun.RunAsync(new Dictionary<string, string?>(), [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        exitCode.ShouldBe(0);
        command.Description.ShouldNotBeNullOrWhiteSpace($"'{path}' has no description");
        output.ShouldContain("Usage:");
        foreach (var option in command.Options.Where(o => o.Name != "--help" && o.Name != "--version"))
        {
            option.Description.ShouldNotBeNullOrWhiteSpace($"option {option.Name} of '{path}' has no description");
            output.ShouldContain(option.Name);
        }

        foreach (var argument in command.Arguments)
        {
            argument.Description.ShouldNotBeNullOrWhiteSpace($"argument {argument.Name} of '{path}' has no description");
        }
    }

    private static Command Find(string path)
    {
        Command command = CliApplication.CreateRootCommand();
        foreach (var name in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        return command;
    }

    private static IEnumerable<string[]> Walk(Command command, string[] path)
    {
        yield return path;
        foreach (var child in command.Subcommands)
        {
            foreach (var descendant in Walk(child, [.. path, child.Name]))
            {
                yield return descendant;
            }
        }
    }
}
