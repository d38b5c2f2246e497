namespace Tessera.Core.Resilience;

/// <summary>
/// Thrown by <see cref="RateLimitingHandler"/> when the client-side rate limit rejects a request before it is sent.
/// </summary>
public sealed class RateLimitExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RateLimitExceededException()
        : this("The client-side rate limit was exceeded; the request was not sent.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public RateLimitExceededException(string message)
        : base(message)
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
        : this(retryAfter is { } wait
            ? FormattableString.Invariant($"The client-side rate limit was exceeded; the request was not sent. Retry after {wait.TotalSeconds:0.###} s.")
            : "The client-side rate limit was exceeded; the request was not sent.")
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the limiter suggests waiting before trying again, when it knows.</summary>
    public TimeSpan? RetryAfter { get; }
}
