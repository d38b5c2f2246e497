using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each timer the code under test schedules, so a test can wait
/// for a retry delay to start (without polling or sleeping) before it advances the clock.
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
        _scheduled.Writer.TryWrite(dueTime);
        return timer;
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
}
