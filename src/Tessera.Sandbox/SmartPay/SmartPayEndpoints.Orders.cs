using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.SmartPay;

/// <summary>The order and invoice operations, including the deprecated ones of the original v1.2 (A28).</summary>
internal sealed partial class SmartPayEndpoints
{
    /// <summary><c>get_orders</c>: every filter combines with AND.</summary>
    private JsonObject GetOrders(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var page = ReadPage(request, validation);
        var orderId = Filter(request, "order_id", validation);
        var customId = CustomIdFilter(request, "custom_order_id", validation);
        var consumerId = Filter(request, "consumer_id", validation);
        var invoiceId = Filter(request, "invoice_id", validation);
        var paymentMethod = PaymentMethodFilter(request, validation);
        var from = TimestampFilter(request, "created_from", validation);
        var to = TimestampFilter(request, "created_to", validation);
        validation.ThrowIfAny();

        lock (store.Sync)
        {
            var ofInvoice = invoiceId is null ? null : store.InvoicesById.GetValueOrDefault(invoiceId)?.OrderId ?? string.Empty;
            var matches = store.Orders.Where(order =>
                    (orderId is null || order.Id == orderId)
                    && (customId is null || order.CustomId == customId)
                    && (consumerId is null || order.ConsumerId == consumerId)
                    && (ofInvoice is null || order.Id == ofInvoice)
                    && (paymentMethod is null || order.PaymentMethod == paymentMethod)
                    && InRange(order.CreatedOn, from, to))
                .ToList();
            return Page(page, matches, order => SmartPayJson.Order(store, order));
        }
    }

    /// <summary>
    /// <c>modify_order</c> (deprecated): changes custom_order_id and/or recurring_amount (future invoices only); rejected
    /// once the order is cancelled (<c>9782</c>). Answers the full order, legacy amounts included. No topic covers it.
    /// </summary>
    private JsonObject ModifyOrder(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var orderId = Filter(request, "order_id", validation);
        if (orderId is null)
        {
            validation.Missing("order_id");
        }

        string? customId = null;
        if (request["custom_order_id"] is not null)
        {
            customId = request["custom_order_id"]!.Trim();
            if (request.IsStructured("custom_order_id") || !IsCustomId(customId))
            {
                validation.Invalid("custom_order_id", "Up to 32 letters or digits.");
            }
        }

        decimal? recurringAmount = null;
        if (request["recurring_amount"] is { } rawAmount)
        {
            if (!request.IsStructured("recurring_amount")
                && decimal.TryParse(rawAmount.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                recurringAmount = SmartPayJson.TwoDecimals(amount);
            }
            else
            {
                validation.Invalid("recurring_amount", "An amount in CAD, e.g. 10.00.");
            }
        }

        validation.ThrowIfAny();
        lock (store.Sync)
        {
            var order = store.OrdersById.GetValueOrDefault(orderId!)
                ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "order_id", "No order with this id.");
            if (!order.IsEnabled)
            {
                throw SmartPayProblemException.Of(SmartPayErrors.OrderCancelled, "order_id", "The order is cancelled.");
            }

            if (customId is not null)
            {
                order.CustomId = customId;
            }

            if (recurringAmount is { } recurring)
            {
                var discount = order.SingleAmount == 0 ? 1 : order.SingleAmountDiscounted / order.SingleAmount;
                order.RecurringAmount = recurring;
                order.RecurringAmountDiscounted = SmartPayJson.TwoDecimals(recurring * discount);
            }

            return Result(SmartPayJson.FullOrder(store, order));
        }
    }

    /// <summary><c>cancel_order</c> (deprecated): no further invoices (<c>9782</c> if already cancelled); notifies order/cancelled.</summary>
    private JsonObject CancelOrder(Call call)
    {
        var validation = new SmartPayValidation();
        var orderId = Filter(call.Request, "order_id", validation);
        if (orderId is null)
        {
            validation.Missing("order_id");
        }

        validation.ThrowIfAny();
        IReadOnlyList<(string Topic, JsonObject Body)> events;
        lock (store.Sync)
        {
            var order = store.OrdersById.GetValueOrDefault(orderId!)
                ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "order_id", "No order with this id.");
            if (!order.IsEnabled)
            {
                throw SmartPayProblemException.Of(SmartPayErrors.OrderCancelled, "order_id", "The order is already cancelled.");
            }

            events = lifecycle.CancelOrder(order);
        }

        webhooks.Enqueue(events);
        return Success();
    }

    /// <summary><c>get_invoices</c>: every filter combines with AND (there is no custom_order_id filter).</summary>
    private JsonObject GetInvoices(Call call)
    {
        var request = call.Request;
        var validation = new SmartPayValidation();
        var page = ReadPage(request, validation);
        var invoiceId = Filter(request, "invoice_id", validation);
        var orderId = Filter(request, "order_id", validation);
        var consumerId = Filter(request, "consumer_id", validation);
        var paymentMethod = PaymentMethodFilter(request, validation);
        var from = TimestampFilter(request, "created_from", validation);
        var to = TimestampFilter(request, "created_to", validation);
        validation.ThrowIfAny();

        lock (store.Sync)
        {
            var matches = store.Invoices.Where(invoice =>
                    (invoiceId is null || invoice.Id == invoiceId)
                    && (orderId is null || invoice.OrderId == orderId)
                    && (consumerId is null || invoice.ConsumerId == consumerId)
                    && (paymentMethod is null || invoice.PaymentMethod == paymentMethod)
                    && InRange(invoice.CreatedOn, from, to))
                .ToList();
            return Page(page, matches, invoice => SmartPayJson.Invoice(store, invoice));
        }
    }

    /// <summary>
    /// <c>cancel_invoice</c> (deprecated): an unpaid invoice is not collected, a paid one is refunded; <c>7643</c> if
    /// already cancelled. Notifies invoice/cancelled (and invoice/refunded for a paid one).
    /// </summary>
    private JsonObject CancelInvoice(Call call)
    {
        var validation = new SmartPayValidation();
        var invoiceId = Filter(call.Request, "invoice_id", validation);
        if (invoiceId is null)
        {
            validation.Missing("invoice_id");
        }

        validation.ThrowIfAny();
        IReadOnlyList<(string Topic, JsonObject Body)> events;
        lock (store.Sync)
        {
            var invoice = store.InvoicesById.GetValueOrDefault(invoiceId!)
                ?? throw SmartPayProblemException.Of(SmartPayErrors.InvalidId, "invoice_id", "No invoice with this id.");
            if (!invoice.IsEnabled)
            {
                throw SmartPayProblemException.Of(SmartPayErrors.InvoiceCancelled, "invoice_id", "The invoice is already cancelled.");
            }

            events = lifecycle.CancelInvoice(invoice);
        }

        webhooks.Enqueue(events);
        return Success();
    }
}
