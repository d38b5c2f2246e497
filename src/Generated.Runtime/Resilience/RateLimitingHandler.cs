using System.Threading.RateLimiting;

namespace Generated.Runtime.Resilience;

/// <summary>
/// Keeps the client within the API's rate limit by acquiring a lease from a <see cref="RateLimiter"/> before each
/// request, waiting in the limiter's queue when necessary.
/// </summary>
public sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly RateLimiter _limiter;

    /// <summary>Creates the handler.</summary>
    /// <param name="limiter">The limiter; share one instance among all clients of the same API credentials.</param>
    public RateLimitingHandler(RateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        _limiter = limiter;
    }

    /// <inheritdoc />
    /// <exception cref="RateLimitExceededException">No lease could be obtained (the queue is full).</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The lease is held for the whole exchange so that concurrency limiters count requests in flight.
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new RateLimitExceededException(
                lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
