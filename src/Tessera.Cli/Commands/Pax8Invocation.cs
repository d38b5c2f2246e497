using System.CommandLine;

namespace Tessera.Cli.Commands;

/// <summary>The parsed command line and the cancellation token of one invocation.</summary>
internal sealed class Pax8Invocation
{
    public Pax8Invocation(ParseResult parseResult, CancellationToken token)
    {
        ParseResult = parseResult;
        Token = token;
    }

    public ParseResult ParseResult { get; }

    public CancellationToken Token { get; }

    public T? GetValue<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? GetValue<T>(Argument<T> argument) => ParseResult.GetValue(argument);
}
