using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Tessera.Core.Resilience;

namespace Tessera.Smartex.Ipn;

/// <summary>
/// The state IPN confirmation shares across requests of one client: its own re-fetch budget (no queue: an exhausted
/// budget fails at once) and the coalescing of re-fetches of one invoice id. Lives in the client runtime so that every
/// <see cref="SmartexIpn"/> of one client draws on the same budget.
/// </summary>
internal sealed class SmartexIpnRefetcher : IDisposable
{
    // Bounds the coalescing map: an attacker cycling ids must not grow it without limit.
    private const int MaxCoalescedIds = 1024;

    private readonly ConcurrentDictionary<string, Entry> _recent = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public SmartexIpnRefetcher(SmartexIpnOptions options, TimeProvider timeProvider)
    {
        Options = options;
        _timeProvider = timeProvider;
        Budget = ClientRateLimiters.PerMinute(options.RefetchesPerMinute, queueLimit: 0);
    }

    public SmartexIpnOptions Options { get; }

    public RateLimiter Budget { get; }

    /// <summary>Re-fetches through <paramref name="fetch"/>, sharing a recent or running re-fetch of the same id.</summary>
    public Task<InvoiceResponse> RefetchAsync(string invoiceId, Func<Task<InvoiceResponse>> fetch)
    {
        if (Options.CoalesceWindow <= TimeSpan.Zero)
        {
            return ChargedAsync(fetch);
        }

        var now = _timeProvider.GetUtcNow();
        if (_recent.TryGetValue(invoiceId, out var existing) && existing.IsFresh(now, Options.CoalesceWindow))
        {
            return existing.Task;
        }

        if (_recent.Count >= MaxCoalescedIds)
        {
            foreach (var (id, entry) in _recent)
            {
                if (!entry.IsFresh(now, Options.CoalesceWindow))
                {
                    _recent.TryRemove(id, out _);
                }
            }
        }

        var started = new Entry(ChargedAsync(fetch), _timeProvider);
        if (_recent.Count < MaxCoalescedIds)
        {
            _recent[invoiceId] = started;
        }

        return started.Task;
    }

    public void Dispose() => Budget.Dispose();

    private async Task<InvoiceResponse> ChargedAsync(Func<Task<InvoiceResponse>> fetch)
    {
        using (RateLimitScope.Use(Budget))
        {
            return await fetch().ConfigureAwait(false);
        }
    }

    private sealed class Entry
    {
        private readonly TimeProvider _timeProvider;
        private DateTimeOffset? _completedAt;

        public Entry(Task<InvoiceResponse> task, TimeProvider timeProvider)
        {
            _timeProvider = timeProvider;
            Task = task;
            _ = task.ContinueWith(t => _completedAt = _timeProvider.GetUtcNow(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public Task<InvoiceResponse> Task { get; }

        // A running re-fetch is always shared; a finished one for the window after it finished, unless it failed
        // (a transient failure must not answer the next, genuine delivery).
        public bool IsFresh(DateTimeOffset now, TimeSpan window) =>
            !Task.IsCompleted || (Task.IsCompletedSuccessfully && _completedAt is { } done && now - done < window);
    }
}
