using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Tessera.Redis;

/// <summary>
/// A sliding-window budget (any <see cref="Window"/> holds at most the budget's permits) kept in one Redis sorted set
/// that every instance using the credential charges, with the Redis server's clock; while Redis is unreachable, this
/// instance's share of it, kept locally.
/// </summary>
/// <remarks>
/// <para>Like the in-process budget (<c>ClientRateLimiters.PerMinute</c>), a request over the budget waits, in a
/// first-in-first-out queue of at most one window's worth of requests, and fails only when that queue is full. Only
/// the head of this instance's queue asks Redis, when the oldest permit leaves the window (or within a second).</para>
/// <para>Every permit this instance was granted in the last window is remembered with a unique member name. While
/// Redis is unreachable they are what the local share is counted against; when it is back they are added again
/// (idempotently), so a restarted, empty Redis still knows what was spent and the window is not handed out twice.</para>
/// </remarks>
internal sealed class RedisRateLimiter : RateLimiter
{
    // Drops what left the window, then grants when the window has room; otherwise says when the permit that must
    // leave first does. TIME makes every instance use one clock (scripts replicate by effects since Redis 5).
    private const string AcquireScript = """
        local key = KEYS[1]
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local n = tonumber(ARGV[3])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
        local count = redis.call('ZCARD', key)
        if count + n <= limit then
          for i = 1, n do
            redis.call('ZADD', key, now, ARGV[3 + i])
          end
          redis.call('PEXPIRE', key, window)
          return {1, now, 0}
        end
        local needed = count + n - limit
        local entry = redis.call('ZRANGE', key, needed - 1, needed - 1, 'WITHSCORES')
        local retry = tonumber(entry[2]) + window - now
        if retry < 1 then retry = 1 end
        return {0, now, retry}
        """;

    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(5);

    private readonly RedisHealth _health;
    private readonly RedisKey _key;
    private readonly int _limit;
    private readonly int _localLimit;
    private readonly int _queueLimit;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Queue<(long Score, string Member, bool Shared)> _granted = new();
    private long _distrustUntilMs;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];
    private long _sequence;
    private long _offsetMs;
    private bool _replayNeeded;
    private int _queued;

    public RedisRateLimiter(RedisHealth health, string key, int permitsPerWindow, int localPermitsPerWindow, TimeProvider timeProvider, TimeSpan? window = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerWindow, 1);
        _health = health;
        _key = key;
        _limit = permitsPerWindow;
        _localLimit = Math.Clamp(localPermitsPerWindow, 1, permitsPerWindow);
        _queueLimit = permitsPerWindow;
        _timeProvider = timeProvider;
        Window = window ?? TimeSpan.FromMinutes(1);
    }

    /// <summary>The sliding window; one minute for a per-minute budget.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether the last permit came from the local share (Redis unreachable).</summary>
    public bool LastGrantWasLocal { get; private set; }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(LocalNowMs());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, _localLimit - _granted.Count),
                CurrentQueuedCount = Volatile.Read(ref _queued),
            };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);

        // Not used by the client pipeline (it always waits); one non-waiting try keeps the RateLimiter contract.
        var (granted, retryAfter) = permitCount == 0 ? (true, TimeSpan.Zero) : TryOnceAsync(permitCount).AsTask().GetAwaiter().GetResult();
        return granted ? Lease.Granted : Lease.Failed(retryAfter);
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermits(permitCount);
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        if (Interlocked.Increment(ref _queued) > _queueLimit)
        {
            Interlocked.Decrement(ref _queued);
            return Lease.Failed(Window);
        }

        try
        {
            // The semaphore's waiters are served in order: the instance's queue is first in, first out.
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    var (granted, retryAfter) = await TryOnceAsync(permitCount).ConfigureAwait(false);
                    if (granted)
                    {
                        return Lease.Granted;
                    }

                    // Ask again when the oldest permit leaves the window, and at least every second (recovery, other instances).
                    var delay = retryAfter < MinPoll ? MinPoll : retryAfter > MaxPoll ? MaxPoll : retryAfter;
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _turn.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckPermits(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
    }

    private async ValueTask<(bool Granted, TimeSpan RetryAfter)> TryOnceAsync(int permitCount)
    {
        var members = new string[permitCount];
        for (var i = 0; i < permitCount; i++)
        {
            members[i] = $"{_instance}:{Interlocked.Increment(ref _sequence)}";
        }

        if (_health.TryGetDatabase() is { } database)
        {
            try
            {
                await ReplayIfNeededAsync(database).ConfigureAwait(false);

                // For a window after Redis lost what it held, instances that replay later are not counted yet: each keeps to its share too.
                lock (_gate)
                {
                    var now = LocalNowMs();
                    if (now < _distrustUntilMs && LocalRoom(now, permitCount) is { } wait)
                    {
                        return (false, wait);
                    }
                }

                var values = new RedisValue[3 + permitCount];
                values[0] = _limit;
                values[1] = (long)Window.TotalMilliseconds;
                values[2] = permitCount;
                for (var i = 0; i < permitCount; i++)
                {
                    values[3 + i] = members[i];
                }

                var reply = (RedisResult[])(await database.ScriptEvaluateAsync(AcquireScript, [_key], values).WaitAsync(_health.OperationTimeout).ConfigureAwait(false))!;
                _health.ReportSuccess();
                var serverNow = (long)reply[1];
                lock (_gate)
                {
                    _offsetMs = serverNow - LocalNowMs();
                    if ((long)reply[0] == 1)
                    {
                        Remember(serverNow, members, shared: true);
                        LastGrantWasLocal = false;
                        return (true, TimeSpan.Zero);
                    }
                }

                return (false, TimeSpan.FromMilliseconds((long)reply[2]));
            }
            catch (Exception ex) when (RedisHealth.IsRedisFailure(ex))
            {
                // The script may still have run: the local grant below reuses its member names, so replaying is idempotent.
                _health.ReportFailure(ex);
            }
        }

        return TryLocal(members);
    }

    // This instance's share over the same sliding window, counting the permits it was granted through Redis before.
    private (bool Granted, TimeSpan RetryAfter) TryLocal(string[] members)
    {
        lock (_gate)
        {
            // Redis may come back empty (a restart): whatever this instance was granted must be written back then.
            _replayNeeded = true;
            var now = LocalNowMs();
            if (LocalRoom(now, members.Length) is { } wait)
            {
                return (false, wait);
            }

            Remember(now + _offsetMs, members, shared: false);
            LastGrantWasLocal = true;
            return (true, TimeSpan.Zero);
        }
    }

    // Null when this instance's share has room for the permits; otherwise how long until it has.
    private TimeSpan? LocalRoom(long now, int permitCount)
    {
        Prune(now);
        if (_granted.Count + permitCount <= _localLimit)
        {
            return null;
        }

        var mustLeave = _granted.Count + permitCount - _localLimit;
        var leaving = _granted.ElementAt(mustLeave - 1).Score - _offsetMs;
        return TimeSpan.FromMilliseconds(Math.Max(1, leaving + (long)Window.TotalMilliseconds - now));
    }

    private async Task ReplayIfNeededAsync(IDatabase database)
    {
        SortedSetEntry[] entries;
        int local;
        lock (_gate)
        {
            if (!_replayNeeded)
            {
                return;
            }

            Prune(LocalNowMs());
            entries = [.. _granted.Select(grant => new SortedSetEntry(grant.Member, grant.Score))];
            local = _granted.Count(grant => !grant.Shared);
        }

        var added = 0L;
        if (entries.Length > 0)
        {
            // NX: members Redis still holds keep their score; those it lost (a restart) or never saw (local grants) come back.
            added = await database.SortedSetAddAsync(_key, entries, SortedSetWhen.NotExists).WaitAsync(_health.OperationTimeout).ConfigureAwait(false);
            await database.KeyExpireAsync(_key, Window).WaitAsync(_health.OperationTimeout).ConfigureAwait(false);
        }

        lock (_gate)
        {
            _replayNeeded = false;
            if (added > local)
            {
                // Permits granted through Redis were missing: it restarted empty, and the other instances' spending
                // reaches it only as each of them comes back.
                _distrustUntilMs = LocalNowMs() + (long)Window.TotalMilliseconds;
            }
        }
    }

    private void Remember(long score, string[] members, bool shared)
    {
        foreach (var member in members)
        {
            _granted.Enqueue((score, member, shared));
        }
    }

    private void Prune(long localNowMs)
    {
        var oldest = localNowMs + _offsetMs - (long)Window.TotalMilliseconds;
        while (_granted.Count > 0 && _granted.Peek().Score <= oldest)
        {
            _granted.Dequeue();
        }
    }

    private long LocalNowMs() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class Lease : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        private readonly TimeSpan? _retryAfter;

        private Lease(bool acquired, TimeSpan? retryAfter)
        {
            IsAcquired = acquired;
            _retryAfter = retryAfter;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease Failed(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
