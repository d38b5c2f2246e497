using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Generated.Cli.Commands;

/// <summary>Logging to stderr: errors only, or redacted HTTP traffic with <c>--verbose</c>.</summary>
internal static class CliLogging
{
    public static ILoggerFactory Create(bool verbose) => LoggerFactory.Create(logging =>
    {
        logging.AddSimpleConsole(console => console.SingleLine = true);
        logging.AddFilter((_, level) => verbose ? level >= LogLevel.Debug : level >= LogLevel.Error);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}
