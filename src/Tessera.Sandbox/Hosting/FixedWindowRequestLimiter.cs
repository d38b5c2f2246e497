namespace Tessera.Sandbox.Hosting;

/// <summary>
/// Counts requests per key (a client) in fixed one-minute windows on the sandbox clock. A window opens with the first
/// request of a key and closes a minute later; System.Threading.RateLimiting is not used because it runs on its own
/// timers, while tests must be able to move the window by advancing a manual <see cref="TimeProvider"/>.
/// </summary>
internal sealed class FixedWindowRequestLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int permitsPerWindow;
    private readonly TimeProvider timeProvider;
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    public FixedWindowRequestLimiter(int permitsPerWindow, TimeProvider timeProvider)
    {
        this.permitsPerWindow = permitsPerWindow;
        this.timeProvider = timeProvider;
    }

    /// <summary>Takes one permit for <paramref name="key"/>; when none is left, says how long until the window closes.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (permitsPerWindow <= 0)
        {
            return true;
        }

        var now = timeProvider.GetUtcNow();
        lock (sync)
        {
            if (!windows.TryGetValue(key, out var window) || now - window.Start >= Window)
            {
                window = (now, 0);
            }

            if (window.Count >= permitsPerWindow)
            {
                windows[key] = window;
                retryAfter = window.Start + Window - now;
                return false;
            }

            windows[key] = (window.Start, window.Count + 1);
            return true;
        }
    }
}
