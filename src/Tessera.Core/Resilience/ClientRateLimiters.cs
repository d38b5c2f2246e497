using System.Threading.RateLimiting;

namespace Tessera.Core.Resilience;

/// <summary>
/// Rate limiters matching the documented limits of the APIs.
/// </summary>
public static class ClientRateLimiters
{
    /// <summary>Pax8's documented limit: 1000 requests per minute.</summary>
    public const int Pax8RequestsPerMinute = 1000;

    /// <summary>
    /// A sliding-window limiter allowing <paramref name="permitsPerMinute"/> requests in any minute. Requests over the
    /// limit wait in a first-in-first-out queue of at most <paramref name="queueLimit"/> requests (default: one
    /// minute's worth, <paramref name="permitsPerMinute"/>); beyond that they fail at once with
    /// <see cref="Errors.RateLimitExceededException"/>, so a flood can never build an unbounded backlog.
    /// </summary>
    /// <param name="permitsPerMinute">Requests allowed per minute.</param>
    /// <param name="queueLimit">How many requests may wait; beyond that they are rejected. 0 rejects instead of waiting.</param>
    /// <returns>The limiter. Dispose it when the clients using it are disposed.</returns>
    public static RateLimiter PerMinute(int permitsPerMinute, int? queueLimit = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerMinute, 1);
        var queue = queueLimit ?? permitsPerMinute;
        ArgumentOutOfRangeException.ThrowIfNegative(queue);

        // A sliding window (six 10-second segments) avoids the double burst a fixed window allows at its boundary.
        return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
