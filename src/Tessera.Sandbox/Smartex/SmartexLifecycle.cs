using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Smartex;

/// <summary>
/// The invoice status lifecycle on the sandbox clock and the IPNs it sends.
/// <list type="bullet">
/// <item><c>new</c> → <c>expired</c> when <see cref="SmartexSandboxOptions.InvoiceLifetime"/> passes without payment;</item>
/// <item><c>new</c> → <c>paid</c> → <c>confirmed</c> → <c>complete</c> by the sandbox drivers (the buyer paying and
/// the blocks arriving);</item>
/// <item><c>paid</c> → <c>invalid</c> when an hour passes without confirmation.</item>
/// </list>
/// The clock is applied lazily, at the start of every Smartex request and of every driver call (no background timer,
/// so a manual clock in tests decides everything). Each change POSTs the unwrapped invoice to its
/// <c>notificationURL</c> (every change with <c>fullNotifications</c>, otherwise only <c>confirmed</c>, as the spec's
/// callback says); the POST is awaited (bounded by <see cref="SmartexSandboxOptions.IpnTimeout"/>) and recorded.
/// </summary>
internal sealed class SmartexLifecycle : IDisposable
{
    private readonly SmartexStore store;
    private readonly HttpClient http;

    public SmartexLifecycle(SmartexStore store)
    {
        this.store = store;
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = store.Options.IpnTimeout };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Smartex-Sandbox-IPN", "1.0"));
    }

    /// <summary>Applies the clock (expiry, invalidation) and sends the IPNs it causes. Returns how many invoices changed.</summary>
    public async Task<int> ApplyClockAsync(CancellationToken cancellationToken = default)
    {
        List<(SmartexInvoice Invoice, JsonObject Body)> notifications;
        int changed;
        lock (store.Sync)
        {
            var before = store.Invoices.Count(invoice => invoice.Status is "new" or "paid");
            notifications = store.ApplyClock();
            changed = before - store.Invoices.Count(invoice => invoice.Status is "new" or "paid");
        }

        foreach (var (invoice, body) in notifications)
        {
            await NotifyAsync(invoice.Id, invoice.NotificationUrl!, body, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>Moves an invoice from <paramref name="from"/> to <paramref name="to"/> (after applying the clock) and sends its IPN.</summary>
    /// <exception cref="KeyNotFoundException">No such invoice.</exception>
    /// <exception cref="InvalidOperationException">The invoice is not in status <paramref name="from"/>.</exception>
    public async Task<SmartexInvoice> ChangeStatusAsync(string id, string from, string to, CancellationToken cancellationToken = default)
    {
        await ApplyClockAsync(cancellationToken).ConfigureAwait(false);
        SmartexInvoice invoice;
        JsonObject? body = null;
        lock (store.Sync)
        {
            if (!store.InvoicesById.TryGetValue(id, out invoice!))
            {
                throw new KeyNotFoundException("Invoice not found: " + id);
            }

            if (invoice.Status != from)
            {
                throw new InvalidOperationException("Invoice " + id + " is " + invoice.Status + ", not " + from + ": it cannot become " + to);
            }

            var now = store.Now;
            invoice.Status = to;
            switch (to)
            {
                case "paid":
                    invoice.EthPaid = invoice.EthPrice;
                    invoice.PaidTime = now;
                    invoice.Transactions.Add(new SmartexTransaction(store.NewTxId(), invoice.EthPrice, 0, now));
                    break;
                case "confirmed":
                    Reconfirm(invoice, invoice.TransactionSpeed == "low" ? 15 : 1);
                    break;
                case "complete":
                    Reconfirm(invoice, 15);
                    break;
            }

            if (SmartexStore.Notifies(invoice))
            {
                body = SmartexJson.Invoice(invoice, SmartexInvoiceView.Full, now, store.OwnBase);
            }
        }

        if (body is not null)
        {
            await NotifyAsync(invoice.Id, invoice.NotificationUrl!, body, cancellationToken).ConfigureAwait(false);
        }

        return invoice;
    }

    public void Dispose() => http.Dispose();

    private static void Reconfirm(SmartexInvoice invoice, int confirmations)
    {
        for (var index = 0; index < invoice.Transactions.Count; index++)
        {
            invoice.Transactions[index] = invoice.Transactions[index] with { Confirmations = confirmations };
        }
    }

    private async Task NotifyAsync(string invoiceId, string url, JsonObject body, CancellationToken cancellationToken)
    {
        int? status = null;
        string? error = null;
        try
        {
            using var content = new StringContent(body.ToJsonString(SmartexJson.WireOptions), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(url), content, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            error = exception is TaskCanceledException && !cancellationToken.IsCancellationRequested
                ? "No answer within " + store.Options.IpnTimeout
                : exception.Message;
        }

        lock (store.Sync)
        {
            store.IpnDeliveries.Add(new SmartexIpnDelivery(invoiceId, body["status"]!.GetValue<string>(), url, status, error, store.Now));
        }
    }
}
