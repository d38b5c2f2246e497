using Tessera.Smartex.Tokens;

namespace Tessera.Smartex;

/// <summary>
/// Refunds live under an invoice and are authorised by that invoice's own resource token (<see cref="SmartexInvoice.Token"/>,
/// specs/smartex.yaml <c>x-smartex-facade: resource</c>), not by a paired facade token: these overloads take the
/// invoice, so the token travels with the id it belongs to.
/// </summary>
public partial class SmartexClient
{
    /// <summary>Lists the refund requests of <paramref name="invoice"/> (<c>GET /invoices/{id}/refunds?token=…</c>, signed).</summary>
    /// <param name="invoice">The invoice, as <see cref="CreateInvoiceAsync(InvoiceRequest, System.Threading.CancellationToken)"/> or the merchant view of <see cref="GetInvoiceAsync(string, System.Threading.CancellationToken)"/> returned it (with its <c>token</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The refund requests (possibly none).</returns>
    /// <exception cref="ArgumentException">The invoice has no id or no resource token (the public view carries none).</exception>
    public virtual Task<RefundListResponse> GetRefundsAsync(SmartexInvoice invoice, CancellationToken cancellationToken = default)
    {
        var token = ResourceTokenOf(invoice);
        return SmartexResourceToken.RunAsync(token, () => GetRefundsAsync(invoice.Id, cancellationToken));
    }

    /// <summary>
    /// Requests a refund of <paramref name="invoice"/> (<c>POST /invoices/{id}/refunds</c>, signed). Sent once and never
    /// retried: no source says the server deduplicates on the body's <c>guid</c>.
    /// </summary>
    /// <param name="invoice">The invoice, with its resource token (see <see cref="GetRefundsAsync(SmartexInvoice, CancellationToken)"/>).</param>
    /// <param name="request">Further body members, if the server wants any (none is documented); <see langword="null"/> sends only the token and a guid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new refund request.</returns>
    /// <exception cref="ArgumentException">The invoice has no id or no resource token.</exception>
    public virtual Task<RefundResponse> CreateRefundAsync(SmartexInvoice invoice, RefundRequest? request = null, CancellationToken cancellationToken = default)
    {
        var token = ResourceTokenOf(invoice);
        return SmartexResourceToken.RunAsync(token, () => CreateRefundAsync(request ?? new RefundRequest(), invoice.Id, cancellationToken));
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url) => SmartexResourceToken.Attach(request);

    private static string ResourceTokenOf(SmartexInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (string.IsNullOrEmpty(invoice.Id))
        {
            throw new ArgumentException("The invoice has no id.", nameof(invoice));
        }

        if (string.IsNullOrEmpty(invoice.Token))
        {
            throw new ArgumentException($"Invoice '{invoice.Id}' carries no resource token: use the invoice CreateInvoiceAsync returned, or fetch it with a merchant token (the public view has none).", nameof(invoice));
        }

        return invoice.Token;
    }
}
