using System.Globalization;

namespace Tessera.Core.Errors;

/// <summary>
/// The client-side rate limit (<c>RequestsPerMinute</c>, or a scoped budget) had no room and its queue was full: the
/// request was not sent. Transient: retry after <see cref="RetryAfter"/>.
/// </summary>
public sealed class RateLimitExceededException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public RateLimitExceededException()
        : this((TimeSpan?)null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public RateLimitExceededException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RateLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="retryAfter">How long the limiter suggests waiting, when it knows.</param>
    public RateLimitExceededException(TimeSpan? retryAfter)
        : base(
            retryAfter is { } wait
                ? string.Create(CultureInfo.InvariantCulture, $"The client-side rate limit was exceeded; the request was not sent. Retry after {wait.TotalSeconds:0.###} s.")
                : "The client-side rate limit was exceeded; the request was not sent.",
            null)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the limiter suggests waiting before trying again, when it knows.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
