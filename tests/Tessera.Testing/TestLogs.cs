using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Tessera.Testing;

/// <summary>
/// Every log record a test's clients write, collected with Microsoft.Extensions.Diagnostics.Testing's
/// <see cref="FakeLoggerProvider"/>: the formatted message, the structured state values and the exception, so a leak
/// through any of them is seen.
/// </summary>
public sealed class TestLogs : IDisposable
{
    /// <summary>Collects records at <paramref name="minimumLevel"/> and above.</summary>
    /// <param name="minimumLevel">The lowest level collected; Trace by default (bodies are logged there).</param>
    public TestLogs(LogLevel minimumLevel = LogLevel.Trace)
    {
        Provider = new FakeLoggerProvider();
        Factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(minimumLevel).AddProvider(Provider));
    }

    /// <summary>The provider; its <see cref="FakeLoggerProvider.Collector"/> holds the records.</summary>
    public FakeLoggerProvider Provider { get; }

    /// <summary>The factory to hand to a client.</summary>
    public ILoggerFactory Factory { get; }

    /// <summary>The records so far, oldest first.</summary>
    public IReadOnlyList<FakeLogRecord> Records => Provider.Collector.GetSnapshot();

    /// <summary>Every record as <c>Level Category: message [state] exception</c>, one per line.</summary>
    public string AllText => string.Join('\n', Records.Select(Format));

    /// <summary>One record as text, state values and exception included.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The text.</returns>
    public static string Format(FakeLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = record.StructuredState is { } pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        return $"{record.Level} {record.Category}: {record.Message} [{state}] {record.Exception}";
    }

    /// <inheritdoc />
    public void Dispose() => Factory.Dispose();
}
