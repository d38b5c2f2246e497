using System.Threading.RateLimiting;
using Tessera.Core.Errors;

namespace Tessera.Core.Resilience;

/// <summary>
/// Keeps the client within the API's rate limit by acquiring a lease from a <see cref="RateLimiter"/> before each
/// request, waiting in the limiter's (bounded) queue when necessary. Requests made inside a
/// <see cref="RateLimitScope"/> are charged to that scope's budget instead, even when the client has no shared limit.
/// </summary>
internal sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly RateLimiter? _limiter;

    /// <summary>Creates the handler.</summary>
    /// <param name="limiter">
    /// The shared limiter; share one instance among all clients of the same API credentials. <see langword="null"/>
    /// when the client has no limit of its own (scoped budgets still apply).
    /// </param>
    public RateLimitingHandler(RateLimiter? limiter)
    {
        _limiter = limiter;
    }

    /// <inheritdoc />
    /// <exception cref="RateLimitExceededException">No lease could be obtained (the queue is full).</exception>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var limiter = RateLimitScope.Current ?? _limiter;
        if (limiter is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // The lease is held for the whole exchange so that concurrency limiters count requests in flight.
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new RateLimitExceededException(
                lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
