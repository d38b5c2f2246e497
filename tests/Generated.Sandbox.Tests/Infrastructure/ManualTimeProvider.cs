namespace Generated.Sandbox.Tests.Infrastructure;

/// <summary>A clock that stands still until a test advances it (token expiry, rate-limit windows).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>A fixed instant, so seeded dates (relative to the current month) are the same on every run.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 16, 15, 30, 0, TimeSpan.Zero);

    private long ticks;

    public ManualTimeProvider(DateTimeOffset? start = null) => ticks = (start ?? DefaultStart).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
