using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Tessera.Redis;

/// <summary>
/// Whether Redis is worth asking right now, shared by every budget, token cache and lock of one
/// <see cref="RedisSharedState"/>: an outage is noticed (and logged) once, every user falls back at once, and one
/// success after the retry interval resumes sharing for all of them.
/// </summary>
internal sealed partial class RedisHealth
{
    private readonly Task<IConnectionMultiplexer> _connection;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _retryInterval;
    private readonly int _expectedInstances;
    private long _retryAtTicks;
    private int _down;

    public RedisHealth(Task<IConnectionMultiplexer> connection, TimeSpan operationTimeout, TimeSpan retryInterval, int expectedInstances, TimeProvider timeProvider, ILogger logger)
    {
        _connection = connection;
        OperationTimeout = operationTimeout;
        _retryInterval = retryInterval;
        _expectedInstances = expectedInstances;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The longest a command may take.</summary>
    public TimeSpan OperationTimeout { get; }

    /// <summary>Whether the last thing learned about Redis was a failure.</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>The database, or <see langword="null"/> when Redis is (still) unreachable and callers should use local state.</summary>
    /// <returns>The database to try.</returns>
    public IDatabase? TryGetDatabase()
    {
        if (!_connection.IsCompletedSuccessfully)
        {
            if (_connection.IsFaulted)
            {
                ReportFailure(_connection.Exception?.InnerException ?? _connection.Exception);
            }

            return null;
        }

        var multiplexer = _connection.Result;
        if (!multiplexer.IsConnected)
        {
            ReportFailure(null);
            return null;
        }

        // Connected but failing (paused, overloaded): leave it alone until the retry interval has passed.
        if (IsDown && _timeProvider.GetUtcNow().UtcTicks < Interlocked.Read(ref _retryAtTicks))
        {
            return null;
        }

        return multiplexer.GetDatabase();
    }

    /// <summary>Records a failed command (or a lost connection): callers fall back until the retry interval passes.</summary>
    /// <param name="failure">What failed; only its type is logged (Redis messages may name keys or endpoints).</param>
    public void ReportFailure(Exception? failure)
    {
        Interlocked.Exchange(ref _retryAtTicks, (_timeProvider.GetUtcNow() + _retryInterval).UtcTicks);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogUnreachable(_logger, failure?.GetType().Name ?? "connection lost", _expectedInstances);
        }
    }

    /// <summary>Records a successful command: sharing resumes.</summary>
    public void ReportSuccess()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogResumed(_logger);
        }
    }

    /// <summary>Whether <paramref name="exception"/> means Redis failed (rather than a bug or a cancellation).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for connection, server and timeout errors.</returns>
    public static bool IsRedisFailure(Exception exception) =>
        exception is RedisException or TimeoutException or ObjectDisposedException;

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning,
        Message = "Redis is unreachable ({Failure}): tokens are cached in this process only and each budget falls back to this instance's share (1/{ExpectedInstances}) until Redis is back. Reported once per outage.")]
    private static partial void LogUnreachable(ILogger logger, string failure, int expectedInstances);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information,
        Message = "Redis is reachable again: tokens and budgets are shared again.")]
    private static partial void LogResumed(ILogger logger);
}
