using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tessera.Core.Tests.TestSupport;

internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);

internal sealed class CapturingLogger(LogLevel minimumLevel = LogLevel.Trace) : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public string AllText => string.Join("\n", _entries.Select(e => e.Message + " " + e.Exception));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
        }
    }
}
