using Tessera.Sandbox.SmartPay;

namespace Tessera.Sandbox;

/// <summary>
/// What tests (and the tour) can observe and drive of the SmartPay sandbox: authenticate calls, record counts, what was
/// created, the webhook delivery log, a switch to expire every token, and the order and invoice events the v1.2 API
/// cannot cause (there is no create-order or payment endpoint: consumers order and pay on SmartPay's pages). The
/// event methods change the data, then deliver the notifications to the subscribed webhooks and wait for them, so
/// their effect is visible when they complete. Every property returns a snapshot. Obtain it with
/// <see cref="RunningSandbox.GetState{TState}"/>.
/// </summary>
public sealed class SmartPaySandboxState
{
    private readonly SmartPayStore store;
    private readonly SmartPayTokens tokens;
    private readonly SmartPayWebhooks webhooks;
    private readonly SmartPayLifecycle lifecycle;

    internal SmartPaySandboxState(SmartPayStore store, SmartPayTokens tokens, SmartPayWebhooks webhooks, SmartPayLifecycle lifecycle)
    {
        this.store = store;
        this.tokens = tokens;
        this.webhooks = webhooks;
        this.lifecycle = lifecycle;
    }

    /// <summary>Calls of <c>POST /smartpay/1-2/authenticate</c>, successful or not.</summary>
    public int AuthenticateCalls => tokens.AuthenticateCalls;

    /// <summary>Consumers currently held (seeded plus created, minus deleted).</summary>
    public int ConsumerCount => Read(() => store.Consumers.Count);

    /// <summary>Orders currently held (seeded plus those of <see cref="CreateOrderAsync"/>).</summary>
    public int OrderCount => Read(() => store.Orders.Count);

    /// <summary>Invoices currently held.</summary>
    public int InvoiceCount => Read(() => store.Invoices.Count);

    /// <summary>Ids of the consumers created with <c>create_consumer</c>, in order.</summary>
    public IReadOnlyList<string> CreatedConsumerIds => Read(() => (IReadOnlyList<string>)[.. store.CreatedConsumerIds]);

    /// <summary>Ids of the webhooks created with <c>create_webhook</c>, in order.</summary>
    public IReadOnlyList<string> CreatedWebhookIds => Read(() => (IReadOnlyList<string>)[.. store.CreatedWebhookIds]);

    /// <summary>
    /// Every POST to a webhook URL, in order: the webhook, the topic header (<c>webhook/created</c> for the test pings of
    /// create_webhook and modify_webhook), the URL, the receiver's HTTP status (0 on timeout or when unreachable; only
    /// 200 counts as delivered), the 1-based number of the POST to that webhook, and whether the
    /// <c>X-SmartPay-Hmac-Sha256</c> signature verifies with the api_key.
    /// </summary>
    public IReadOnlyList<(string WebhookId, string Topic, string Url, int Status, int Attempt, bool SignatureValid)> Deliveries =>
        Read(() => (IReadOnlyList<(string, string, string, int, int, bool)>)[.. store.Deliveries.Select(delivery => delivery.ToTuple())]);

    /// <summary>Whether the webhook exists and is enabled (it is disabled after too many consecutive failed deliveries).</summary>
    /// <param name="webhookId">The webhook's id.</param>
    /// <returns><see langword="true"/> when notifications are sent to it.</returns>
    public bool IsWebhookEnabled(string webhookId) => Read(() => store.FindWebhook(webhookId)?.IsEnabled ?? false);

    /// <summary>Expires every token issued so far: the next call with one of them gets error <c>5783</c>.</summary>
    public void ExpireAllTokens() => tokens.ExpireAll();

    /// <summary>
    /// A consumer places an order: a new order with its first invoice (unpaid). Notifies <c>order/created</c> and
    /// <c>invoice/created</c>.
    /// </summary>
    /// <param name="consumerId">The consumer ordering.</param>
    /// <param name="amount">The amount in CAD (rounded to cents).</param>
    /// <param name="paymentMethod"><c>d</c> (debit) or <c>e</c> (Interac e-Transfer).</param>
    /// <param name="customOrderId">The merchant's order number (up to 32 letters or digits), or null.</param>
    /// <param name="recurring">Whether the order bills monthly (sets the legacy recurring amount).</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>The ids of the new order and invoice, and the deliveries made.</returns>
    /// <exception cref="ArgumentException">The consumer does not exist or an argument is invalid.</exception>
    public async Task<(string OrderId, string InvoiceId, IReadOnlyList<(string WebhookId, string Topic, string Url, int Status, int Attempt, bool SignatureValid)> Deliveries)> CreateOrderAsync(
        string consumerId, decimal amount, string paymentMethod = "d", string? customOrderId = null, bool recurring = false, CancellationToken cancellationToken = default)
    {
        var (orderId, invoiceId, events) = lifecycle.CreateOrder(consumerId, amount, paymentMethod, customOrderId, recurring);
        var deliveries = await webhooks.DeliverAsync(events, cancellationToken).ConfigureAwait(false);
        return (orderId, invoiceId, ToTuples(deliveries));
    }

    /// <summary>
    /// The payment of an invoice is received: sets <c>date_paid</c> to now (sandbox clock) and notifies
    /// <c>invoice/paid</c>. A failed invoice may still be paid.
    /// </summary>
    /// <param name="invoiceId">The invoice paid.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>The deliveries made (empty when no enabled webhook subscribes to <c>invoice/paid</c>).</returns>
    /// <exception cref="ArgumentException">There is no such invoice.</exception>
    /// <exception cref="InvalidOperationException">The invoice is already paid or is cancelled.</exception>
    public async Task<IReadOnlyList<(string WebhookId, string Topic, string Url, int Status, int Attempt, bool SignatureValid)>> PayInvoiceAsync(
        string invoiceId, CancellationToken cancellationToken = default)
    {
        var events = lifecycle.PayInvoice(invoiceId);
        return ToTuples(await webhooks.DeliverAsync(events, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Processing the payment of an invoice fails: sets <c>date_failed</c> to now (sandbox clock). No webhook topic covers
    /// failed payments (the documented ones are invoice/created, paid, cancelled, refunded and order/created, cancelled),
    /// so nothing is delivered: clients see failures by polling <c>get_invoices</c>.
    /// </summary>
    /// <param name="invoiceId">The invoice whose payment failed.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>The deliveries made (always empty in v1.2).</returns>
    /// <exception cref="ArgumentException">There is no such invoice.</exception>
    /// <exception cref="InvalidOperationException">The invoice is already paid or is cancelled.</exception>
    public async Task<IReadOnlyList<(string WebhookId, string Topic, string Url, int Status, int Attempt, bool SignatureValid)>> FailInvoiceAsync(
        string invoiceId, CancellationToken cancellationToken = default)
    {
        var events = lifecycle.FailInvoice(invoiceId);
        return ToTuples(await webhooks.DeliverAsync(events, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Waits until the notifications raised by API calls (cancel_order, cancel_invoice), which are delivered in the
    /// background as SmartPay queues them, have all been sent.
    /// </summary>
    /// <returns>A task that completes when no delivery is pending.</returns>
    public Task WaitForDeliveriesAsync() => webhooks.WhenIdleAsync();

    /// <summary>The sandbox's data, for white-box tests of this assembly.</summary>
    internal SmartPayStore Store => store;

    private static IReadOnlyList<(string WebhookId, string Topic, string Url, int Status, int Attempt, bool SignatureValid)> ToTuples(IReadOnlyList<SmartPayDelivery> deliveries) =>
        [.. deliveries.Select(delivery => delivery.ToTuple())];

    private T Read<T>(Func<T> read)
    {
        lock (store.Sync)
        {
            return read();
        }
    }
}
