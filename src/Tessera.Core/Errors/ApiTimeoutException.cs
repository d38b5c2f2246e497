using System.Globalization;

namespace Tessera.Core.Errors;

/// <summary>
/// The call did not complete in time: one attempt exceeded <c>Resilience:AttemptTimeout</c> (and no retry was allowed
/// or left), or the whole operation exceeded <c>Resilience:TotalTimeout</c>. A POST that timed out may still have been
/// processed by the API: look it up before creating it again. The caller's own cancellation is an
/// <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class ApiTimeoutException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ApiTimeoutException()
        : base("The call timed out.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ApiTimeoutException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ApiTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The call, for example <c>Pax8 findCompanies (HTTP GET https://…)</c>; redacted.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="isTotalTimeout">Whether it was the total timeout (otherwise an attempt timeout).</param>
    /// <param name="innerException">The timeout strategy's exception.</param>
    public ApiTimeoutException(string operation, TimeSpan timeout, bool isTotalTimeout, Exception? innerException)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"{operation} did not complete within the {(isTotalTimeout ? "total timeout" : "attempt timeout")} of {timeout.TotalSeconds:0.###} s."),
            innerException)
    {
        Timeout = timeout;
        IsTotalTimeout = isTotalTimeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Whether the total timeout elapsed (otherwise the last attempt's timeout).</summary>
    public bool IsTotalTimeout { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
