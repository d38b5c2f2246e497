namespace Tessera.Smartex.Ipn;

/// <summary>
/// An IPN confirmed against Smartex and against what the application stored when it created the invoice. Act on
/// <see cref="SmartexInvoice"/> (Smartex's current state) for <see cref="Record"/> (the application's own order); the
/// <see cref="Notification"/> is what an unauthenticated caller sent.
/// </summary>
public sealed class SmartexConfirmedInvoice
{
    internal SmartexConfirmedInvoice(SmartexInvoice invoice, SmartexInvoiceRecord record, SmartexInvoice notification, bool isPublicView)
    {
        Invoice = invoice;
        Record = record;
        Notification = notification;
        IsPublicView = isPublicView;
    }

    /// <summary>The invoice as Smartex returns it now (<c>getInvoice</c>): the only trustworthy state.</summary>
    public SmartexInvoice Invoice { get; }

    /// <summary>
    /// What the application stored when it created the invoice (price, currency and order id it asked for): the
    /// trustworthy link to the order. Use <see cref="SmartexInvoiceRecord.OrderId"/>, never the notification's.
    /// </summary>
    public SmartexInvoiceRecord Record { get; }

    /// <summary>The notification as received. Untrusted: for diagnostics only.</summary>
    public SmartexInvoice Notification { get; }

    /// <summary>Whether only the public view was available (no merchant token; see <see cref="SmartexIpnOptions.AcceptPublicView"/>).</summary>
    public bool IsPublicView { get; }

    /// <summary>The authoritative status (<see cref="SmartexInvoice"/>'s).</summary>
    public SmartexInvoiceStatus Status => Invoice.Status;

    /// <summary>The status the notification claimed.</summary>
    public SmartexInvoiceStatus NotifiedStatus => Notification.Status;

    /// <summary>
    /// Whether the status changed between the notification and the re-fetch (an IPN overtaken by a newer change, or
    /// a forged status). Either way <see cref="Status"/> is what counts.
    /// </summary>
    public bool StatusChanged => Invoice.Status != Notification.Status;

    /// <summary>Whether Smartex says the invoice is settled: <c>confirmed</c> or <c>complete</c>. Ship on this, not on <c>paid</c>.</summary>
    public bool IsSettled => Status == SmartexInvoiceStatus.Confirmed || Status == SmartexInvoiceStatus.Complete;
}
