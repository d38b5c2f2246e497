using System.Text.Json.Nodes;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// The state changes of orders and invoices and the notifications they raise. Each method changes the store under its
/// lock and returns the events (topic and body, in order) for <see cref="SmartPayWebhooks"/> to deliver; the caller
/// delivers them (awaited by the state's test hooks, queued by API calls).
/// </summary>
internal sealed class SmartPayLifecycle
{
    private readonly SmartPayStore store;

    public SmartPayLifecycle(SmartPayStore store) => this.store = store;

    /// <summary>A new order with its first invoice (there is no create-order endpoint: consumers order on SmartPay's pages).</summary>
    public (string OrderId, string InvoiceId, IReadOnlyList<(string Topic, JsonObject Body)> Events) CreateOrder(
        string consumerId, decimal amount, string paymentMethod, string? customOrderId, bool recurring)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must be positive.");
        }

        if (paymentMethod is not ("d" or "e"))
        {
            throw new ArgumentException("The payment method must be d (debit) or e (Interac e-Transfer).", nameof(paymentMethod));
        }

        if (customOrderId is not null && !SmartPayEndpoints.IsCustomId(customOrderId))
        {
            throw new ArgumentException("A custom order id is 1 to 32 letters or digits.", nameof(customOrderId));
        }

        lock (store.Sync)
        {
            var consumer = store.ConsumersById.GetValueOrDefault(consumerId)
                ?? throw new ArgumentException("No consumer " + consumerId + ".", nameof(consumerId));
            var now = SmartPayStore.ToSeconds(store.Now);
            var value = SmartPayJson.TwoDecimals(amount);
            var order = new SmartPayOrder
            {
                Id = store.NewRuntimeId(),
                CustomId = customOrderId,
                ConsumerId = consumer.Id,
                PaymentMethod = paymentMethod,
                IsDummy = consumer.IsDummy,
                SingleAmount = value,
                SingleAmountDiscounted = value,
                RecurringAmount = recurring ? value : null,
                RecurringAmountDiscounted = recurring ? value : null,
                CreatedOn = now,
            };
            store.Add(order);
            var invoice = new SmartPayInvoice
            {
                Id = store.NewRuntimeId(),
                OrderId = order.Id,
                ConsumerId = consumer.Id,
                Amount = value,
                AmountDiscounted = value,
                PaymentMethod = paymentMethod,
                IsDummy = consumer.IsDummy,
                CreatedOn = now,
            };
            store.Add(invoice);
            return (order.Id, invoice.Id, [("order/created", SmartPayJson.OrderNotification(order)), ("invoice/created", SmartPayJson.InvoiceNotification(store, invoice))]);
        }
    }

    /// <summary>The payment of an unpaid, enabled invoice is received (a failed one may be paid later).</summary>
    public IReadOnlyList<(string Topic, JsonObject Body)> PayInvoice(string invoiceId)
    {
        lock (store.Sync)
        {
            var invoice = FindInvoice(invoiceId);
            if (!invoice.IsEnabled)
            {
                throw new InvalidOperationException("Invoice " + invoiceId + " is cancelled.");
            }

            if (invoice.DatePaid is not null)
            {
                throw new InvalidOperationException("Invoice " + invoiceId + " is already paid.");
            }

            invoice.DatePaid = SmartPayStore.ToSeconds(store.Now);
            return [("invoice/paid", SmartPayJson.InvoiceNotification(store, invoice))];
        }
    }

    /// <summary>
    /// Processing the payment of an unpaid, enabled invoice fails (<c>date_failed</c> is set). No topic covers a failed
    /// payment, so no notification is raised.
    /// </summary>
    public IReadOnlyList<(string Topic, JsonObject Body)> FailInvoice(string invoiceId)
    {
        lock (store.Sync)
        {
            var invoice = FindInvoice(invoiceId);
            if (!invoice.IsEnabled)
            {
                throw new InvalidOperationException("Invoice " + invoiceId + " is cancelled.");
            }

            if (invoice.DatePaid is not null)
            {
                throw new InvalidOperationException("Invoice " + invoiceId + " is already paid.");
            }

            invoice.DateFailed = SmartPayStore.ToSeconds(store.Now);
            return [];
        }
    }

    /// <summary>Cancels an order (cancel_order): no further invoices; existing invoices are untouched. Called under the lock.</summary>
    public IReadOnlyList<(string Topic, JsonObject Body)> CancelOrder(SmartPayOrder order)
    {
        order.IsEnabled = false;
        return [("order/cancelled", SmartPayJson.OrderNotification(order))];
    }

    /// <summary>Cancels an invoice (cancel_invoice): unpaid, nothing is collected; paid, it is refunded. Called under the lock.</summary>
    public IReadOnlyList<(string Topic, JsonObject Body)> CancelInvoice(SmartPayInvoice invoice)
    {
        invoice.IsEnabled = false;
        var events = new List<(string Topic, JsonObject Body)> { ("invoice/cancelled", SmartPayJson.InvoiceNotification(store, invoice)) };
        if (invoice.DatePaid is not null)
        {
            invoice.Refunded = true;
            events.Add(("invoice/refunded", SmartPayJson.InvoiceNotification(store, invoice)));
        }

        return events;
    }

    private SmartPayInvoice FindInvoice(string invoiceId) =>
        store.InvoicesById.GetValueOrDefault(invoiceId) ?? throw new ArgumentException("No invoice " + invoiceId + ".", nameof(invoiceId));
}
