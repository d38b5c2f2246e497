namespace Tessera.Cli.Commands;

/// <summary>The user's input is wrong; the message says how (exit code 2).</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }
}
