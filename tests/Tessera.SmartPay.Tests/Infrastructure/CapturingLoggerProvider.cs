using Microsoft.Extensions.Logging;

namespace Tessera.SmartPay.Tests.Infrastructure;

/// <summary>Collects every log line (formatted message, state values and exception text) at every level.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<CapturedLog> _entries = [];

    public IReadOnlyList<CapturedLog> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public string AllText() => string.Join('\n', Entries.Select(e => e.ToString()));

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lock (owner._entries)
            {
                owner._entries.Add(new CapturedLog(category, logLevel, formatter(state, exception), values, exception?.ToString()));
            }
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, string Message, string State, string? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} [{State}] {Exception}";
}
