namespace Tessera.Smartex.Ipn;

/// <summary>
/// How <see cref="SmartexIpn"/> treats instant payment notifications (configuration section <c>Smartex:Ipn</c>).
/// IPNs are unsigned: anyone can POST one, so every setting here bounds what an outsider can make the client do.
/// </summary>
public sealed class SmartexIpnOptions
{
    /// <summary>
    /// Re-fetches of notified invoices allowed per minute, charged to a budget of their own (never to the client's
    /// <see cref="Tessera.Core.Clients.ClientOptions.RequestsPerMinute"/>), so forged IPNs cannot delay the application's calls. Past
    /// the budget a notification is rejected at once (<see cref="SmartexIpnRejection.Throttled"/>: answer 503 and
    /// Smartex delivers it again). Default 30.
    /// </summary>
    public int RefetchesPerMinute { get; set; } = 30;

    /// <summary>
    /// Notifications of one invoice arriving within this window share one re-fetch (Smartex sends one per status
    /// change; a replay flood of one id costs one request). Default 10 seconds; <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest IPN body read, in bytes; larger bodies are rejected unread. Default 64 KiB (a real IPN is about 2 KB).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Whether a notification may be confirmed from the <b>public</b> view of the invoice, which is all a client
    /// paired only with a <c>pos</c> token can fetch. The public view carries no order id or posData, so the only
    /// link between the invoice and an order is the record the application stored when it created the invoice.
    /// Default <see langword="false"/>: without a merchant token, confirmation fails closed
    /// (<see cref="SmartexIpnRejection.PublicViewOnly"/>). Set it only when the application looks its records up by
    /// the invoice id it received from <c>createInvoice</c>, as the documented example does.
    /// </summary>
    public bool AcceptPublicView { get; set; }

    internal IEnumerable<string> Validate()
    {
        if (RefetchesPerMinute < 1)
        {
            yield return "Ipn:RefetchesPerMinute must be at least 1";
        }

        if (CoalesceWindow < TimeSpan.Zero)
        {
            yield return "Ipn:CoalesceWindow must not be negative";
        }

        if (MaxBodyBytes < 1024)
        {
            yield return "Ipn:MaxBodyBytes must be at least 1024";
        }
    }
}
