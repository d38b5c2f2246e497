namespace Tessera.Smartex.Ipn;

/// <summary>
/// Finds the record the application stored for an invoice it created, by invoice id; <see langword="null"/> when it
/// created no such invoice (the notification is then rejected without contacting Smartex).
/// </summary>
/// <param name="invoiceId">The notified invoice id (already checked to be a well-formed Smartex id).</param>
/// <param name="cancellationToken">Cancels the lookup.</param>
/// <returns>The stored record, or <see langword="null"/>.</returns>
public delegate ValueTask<SmartexInvoiceRecord?> SmartexInvoiceLookup(string invoiceId, CancellationToken cancellationToken);
