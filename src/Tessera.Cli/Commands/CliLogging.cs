using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Tessera.Cli.Commands;

/// <summary>
/// Logging to stderr: errors only, redacted HTTP traffic with <c>--verbose</c> (Debug), redacted bodies too with
/// <c>--trace</c> (Trace). <c>TESSERA_LOG_LEVEL</c> (Trace, Debug, Information, Warning, Error, Critical, None)
/// overrides both for any command.
/// </summary>
internal static class CliLogging
{
    public const string LogLevelVariable = "TESSERA_LOG_LEVEL";

    public static ILoggerFactory Create(bool verbose, bool trace = false)
    {
        var minimum = trace ? LogLevel.Trace : verbose ? LogLevel.Debug : LogLevel.Error;
        if (Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(LogLevelVariable), ignoreCase: true, out var level) && Enum.IsDefined(level))
        {
            minimum = level;
        }

        return LoggerFactory.Create(logging =>
        {
            logging.AddSimpleConsole(console => console.SingleLine = true);
            logging.SetMinimumLevel(minimum);
            logging.AddFilter((_, l) => l >= minimum);
            logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
    }
}
