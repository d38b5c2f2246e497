using Microsoft.Extensions.Logging;

namespace Tessera.Core.Notifications;

/// <summary>
/// Logs rejected notifications so that an outsider cannot flood the logs: each rejection at Debug, and at most one
/// Warning per <see cref="Interval"/> that counts the rejections since the last one. Thread-safe.
/// </summary>
public sealed partial class RejectionLog
{
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastWarning;
    private int _suppressed;

    /// <summary>Creates the log.</summary>
    /// <param name="logger">Where to write.</param>
    /// <param name="source">What receives the notifications, for example <c>SmartPay webhook</c>.</param>
    /// <param name="interval">The least time between two Warnings. Default one minute.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    public RejectionLog(ILogger logger, string source, TimeSpan? interval = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrEmpty(source);
        _logger = logger;
        _source = source;
        Interval = interval ?? TimeSpan.FromMinutes(1);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The least time between two Warnings.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Records one rejection.</summary>
    /// <param name="statusCode">The HTTP status answered.</param>
    /// <param name="reason">Why (never the payload).</param>
    public void Rejected(int statusCode, string reason)
    {
        LogRejected(_logger, _source, statusCode, reason);
        int count;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            _suppressed++;
            if (_lastWarning is { } last && now - last < Interval)
            {
                return;
            }

            _lastWarning = now;
            count = _suppressed;
            _suppressed = 0;
        }

        LogSummary(_logger, count, _source, Interval, statusCode, reason);
    }

    [LoggerMessage(EventId = 230, Level = LogLevel.Debug, Message = "{Source} delivery rejected with HTTP {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, int statusCode, string reason);

    [LoggerMessage(EventId = 231, Level = LogLevel.Warning, Message = "{Count} {Source} deliveries rejected (at most one such warning per {Interval}); latest: HTTP {StatusCode}, {Reason}")]
    private static partial void LogSummary(ILogger logger, int count, string source, TimeSpan interval, int statusCode, string reason);
}
