using System.Globalization;

namespace Tessera.Core.Errors;

/// <summary>
/// The client's circuit breaker is open: recent calls to this API failed too often (<c>Resilience:CircuitBreaker…</c>),
/// so this one was not sent. Transient: try again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class ApiCircuitOpenException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiCircuitOpenException()
        : base("The circuit breaker is open; the request was not sent.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ApiCircuitOpenException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ApiCircuitOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The call; redacted.</param>
    /// <param name="retryAfter">When the breaker lets a trial call through, when known.</param>
    /// <param name="innerException">The breaker's exception.</param>
    public ApiCircuitOpenException(string operation, TimeSpan? retryAfter, Exception? innerException)
        : base(
            retryAfter is { } wait
                ? string.Create(CultureInfo.InvariantCulture, $"{operation} was not sent: the circuit breaker is open after repeated failures; retry after {wait.TotalSeconds:0.###} s.")
                : $"{operation} was not sent: the circuit breaker is open after repeated failures.",
            innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long until the breaker lets a trial call through, when known.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
