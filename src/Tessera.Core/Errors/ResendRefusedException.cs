using System.Globalization;
using Tessera.Core.Diagnostics;
using Tessera.Core.Operations;

namespace Tessera.Core.Errors;

/// <summary>
/// Something in the client's pipeline that the client did not put there (a retry handler the host added, a second
/// resilience handler) tried to send a POST or PATCH again after it may have been processed. The client refused, so the
/// payment, order or invoice is not duplicated; the first attempt's outcome is unknown. Remove the extra handler (see
/// docs/resilience.md).
/// </summary>
public sealed class ResendRefusedException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ResendRefusedException()
        : base("A resend of a request that may have been processed was refused.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ResendRefusedException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResendRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ResendRefusedException(HttpRequestMessage request, int sends)
        : base(Describe(request, sends), null)
    {
        Sends = sends;
    }

    /// <summary>How many times the request had been sent when the resend was refused.</summary>
    public int Sends { get; }

    private static string Describe(HttpRequestMessage request, int sends)
    {
        var operation = OperationDescriptor.Of(request);
        var name = operation is null ? $"HTTP {request.Method.Method}" : $"{operation.Api} {operation.OperationId} (HTTP {request.Method.Method})";
        var url = request.RequestUri is null ? string.Empty : " " + SecretRedactor.Shared.RedactUrl(request.RequestUri);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name}{url} was not sent again: it had been sent {sends} time(s) and may have been processed, and the API does not make a resend safe. A handler outside the client's own retry strategy tried to resend it; remove it (docs/resilience.md).");
    }
}
