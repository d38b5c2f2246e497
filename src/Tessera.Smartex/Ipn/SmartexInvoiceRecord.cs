namespace Tessera.Smartex.Ipn;

/// <summary>
/// What the application stored when it created an invoice: the only trustworthy link between a Smartex invoice and
/// an order. Store one per <c>createInvoice</c> (<see cref="FromCreated"/>), keyed by <see cref="InvoiceId"/>, and
/// return it from the lookup passed to <see cref="SmartexIpn.ConfirmAsync(Stream, SmartexInvoiceLookup, CancellationToken)"/>.
/// </summary>
/// <param name="InvoiceId">The invoice id <c>createInvoice</c> returned.</param>
/// <param name="Price">The price the application asked for.</param>
/// <param name="Currency">The currency the application asked for (ISO 4217 or <c>ETH</c>).</param>
/// <param name="OrderId">The application's order, when it sent one as <c>orderID</c>.</param>
public sealed record SmartexInvoiceRecord(string InvoiceId, decimal Price, string Currency, string? OrderId = null)
{
    /// <summary>The record of an invoice as <c>createInvoice</c> returned it.</summary>
    /// <param name="created">The created invoice (<c>CreateInvoiceAsync(…).Data</c>).</param>
    /// <returns>The record to store.</returns>
    public static SmartexInvoiceRecord FromCreated(SmartexInvoice created)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentException.ThrowIfNullOrEmpty(created.Id);
        return new SmartexInvoiceRecord(created.Id, created.Price, created.Currency, created.OrderId);
    }
}
