namespace Tessera.Core.Resilience;

/// <summary>
/// Computes how long to wait before a retry: the server's <c>Retry-After</c> when it sent one, otherwise exponential
/// backoff with optional jitter.
/// </summary>
internal sealed class RetryDelayCalculator
{
    private readonly ResilienceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double> _nextRandom;

    public RetryDelayCalculator(ResilienceOptions options, TimeProvider timeProvider, Func<double>? nextRandom = null)
    {
        _options = options;
        _timeProvider = timeProvider;
        _nextRandom = nextRandom ?? Random.Shared.NextDouble;
    }

    /// <summary>The wait the response asks for, relative to the configured clock, or null when it asks for none.</summary>
    public TimeSpan? GetRetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter is null)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Whether the response asks for a longer wait than the caller is willing to spend.</summary>
    public bool ExceedsMaxRetryAfter(HttpResponseMessage? response) =>
        GetRetryAfter(response) is { } wait && wait > _options.MaxRetryAfter;

    /// <summary>The delay before retry number <paramref name="retryIndex"/> (0 for the first retry).</summary>
    public TimeSpan GetDelay(int retryIndex, HttpResponseMessage? response)
    {
        if (GetRetryAfter(response) is { } retryAfter)
        {
            return retryAfter > _options.MaxRetryAfter ? _options.MaxRetryAfter : retryAfter;
        }

        if (_options.BaseDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var exponent = Math.Min(retryIndex, 30);
        var milliseconds = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        if (_options.UseJitter)
        {
            // ±25% spreads simultaneous clients without making a delay collapse to nothing.
            milliseconds *= 0.75 + (_nextRandom() * 0.5);
        }

        var maxMilliseconds = _options.MaxDelay.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, maxMilliseconds));
    }
}
