using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer the code under test schedules (created with a due
/// time, or re-armed with <see cref="ITimer.Change"/> as <c>CancellationTokenSource.CancelAfter</c> does), so a test
/// can wait for a retry delay or a timeout to start (without polling or sleeping) before it advances the clock.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _scheduled = Channel.CreateUnbounded<TimeSpan>();

    public TimerWatchingTimeProvider()
        : base(TestClock.Start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Report(dueTime);
        return new WatchingTimer(timer, this);
    }

    /// <summary>Completes when a timer whose due time matches <paramref name="predicate"/> has been scheduled.</summary>
    public async Task WaitForTimerAsync(Func<TimeSpan, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var due = await _scheduled.Reader.ReadAsync(timeout.Token);
            if (predicate(due))
            {
                return;
            }
        }
    }

    private void Report(TimeSpan dueTime)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _scheduled.Writer.TryWrite(dueTime);
        }
    }

    private sealed class WatchingTimer(ITimer inner, TimerWatchingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
