namespace Generated.Smartex.Ipn;

/// <summary>
/// An IPN confirmed by re-fetching its invoice from Smartex. Act on <see cref="Invoice"/> (authoritative) only; the
/// <see cref="Notification"/> is what an unauthenticated caller sent.
/// </summary>
public sealed class SmartexConfirmedInvoice
{
    internal SmartexConfirmedInvoice(Invoice invoice, Invoice notification)
    {
        Invoice = invoice;
        Notification = notification;
    }

    /// <summary>The invoice as Smartex returns it now (<c>getInvoice</c>): the only trustworthy data.</summary>
    public Invoice Invoice { get; }

    /// <summary>The notification as received. Untrusted: for diagnostics only.</summary>
    public Invoice Notification { get; }

    /// <summary>The authoritative status (<see cref="Invoice"/>'s).</summary>
    public InvoiceStatus Status => Invoice.Status;

    /// <summary>The status the notification claimed.</summary>
    public InvoiceStatus NotifiedStatus => Notification.Status;

    /// <summary>
    /// Whether the status changed between the notification and the re-fetch (an IPN overtaken by a newer change, or
    /// a forged status). Either way <see cref="Status"/> is what counts.
    /// </summary>
    public bool StatusChanged => Invoice.Status != Notification.Status;
}
