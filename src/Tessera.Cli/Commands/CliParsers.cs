using System.CommandLine.Parsing;

namespace Tessera.Cli.Commands;

/// <summary>Value parsers for option types System.CommandLine does not convert itself.</summary>
internal static class CliParsers
{
    public static Uri? AbsoluteUri(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? null : result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"'{text}' is not an absolute http(s) URL.");
        return null;
    }
}
