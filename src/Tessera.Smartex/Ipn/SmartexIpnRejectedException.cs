namespace Tessera.Smartex.Ipn;

/// <summary>
/// An IPN that must not be trusted. Answer it with a 4xx (Smartex may resend it) and do not act on its content.
/// The message names the reason and the mismatching fields, never their values.
/// </summary>
public sealed class SmartexIpnRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmartexIpnRejectedException()
    {
        Mismatches = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public SmartexIpnRejectedException(string message)
        : base(message)
    {
        Mismatches = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SmartexIpnRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Mismatches = [];
    }

    internal SmartexIpnRejectedException(SmartexIpnRejection reason, string message, string? invoiceId, IReadOnlyList<string>? mismatches = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        InvoiceId = invoiceId;
        Mismatches = mismatches ?? [];
    }

    /// <summary>Why the IPN was rejected.</summary>
    public SmartexIpnRejection Reason { get; }

    /// <summary>The notified invoice id, when there was one.</summary>
    public string? InvoiceId { get; }

    /// <summary>The names of the fields that differ (for <see cref="SmartexIpnRejection.InvoiceMismatch"/> and <see cref="SmartexIpnRejection.RecordMismatch"/>).</summary>
    public IReadOnlyList<string> Mismatches { get; }

    /// <summary>
    /// The HTTP status to answer the notification with: 503 when Smartex should deliver it again later
    /// (<see cref="SmartexIpnRejection.Throttled"/>, <see cref="SmartexIpnRejection.PublicViewOnly"/>), 413 for
    /// <see cref="SmartexIpnRejection.TooLarge"/>, otherwise 400.
    /// </summary>
    public int StatusCode => Reason switch
    {
        SmartexIpnRejection.Throttled or SmartexIpnRejection.PublicViewOnly => 503,
        SmartexIpnRejection.TooLarge => 413,
        _ => 400,
    };
}
