using Tessera.Sandbox.Smartex;

namespace Tessera.Sandbox;

/// <summary>
/// What tests and the CLI tour can observe and drive of the Smartex sandbox (get it with
/// <see cref="RunningSandbox.GetState{TState}"/>): created invoices and tokens, IPN deliveries, signature counters,
/// and the stand-ins for the merchant dashboard (pairing codes, approvals) and the blockchain (paying and confirming
/// invoices). Every property returns a snapshot.
/// </summary>
public sealed class SmartexSandboxState
{
    private readonly SmartexStore store;
    private readonly SmartexLifecycle lifecycle;

    internal SmartexSandboxState(SmartexStore store, SmartexLifecycle lifecycle)
    {
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /// <summary>Invoices held: seeded plus created.</summary>
    public int InvoiceCount => Read(() => store.Invoices.Count);

    /// <summary>Bills held: seeded plus created.</summary>
    public int BillCount => Read(() => store.Bills.Count);

    /// <summary>Ids of the invoices created with <c>POST /invoices</c>, in order.</summary>
    public IReadOnlyList<string> CreatedInvoiceIds => Read(() => (IReadOnlyList<string>)[.. store.CreatedInvoiceIds]);

    /// <summary>Ids of the bills created with <c>POST /bills</c>, in order.</summary>
    public IReadOnlyList<string> CreatedBillIds => Read(() => (IReadOnlyList<string>)[.. store.CreatedBillIds]);

    /// <summary>
    /// The facade tokens issued by <c>POST /tokens</c> (claimed dashboard codes and client-initiated requests), in
    /// order. Sandbox tokens carry no value outside the sandbox, so they are listed as they are.
    /// </summary>
    public IReadOnlyList<string> CreatedTokenIds => Read(() => (IReadOnlyList<string>)[.. store.CreatedTokens]);

    /// <summary>Calls of <c>POST /tokens</c>, successful or not.</summary>
    public int PairingRequests => Read(() => store.PairingRequests);

    /// <summary>Requests whose signature verified.</summary>
    public int SignedRequests => Read(() => store.SignedRequests);

    /// <summary>Requests refused at the signature check: signature headers missing where required, malformed, or not verifying.</summary>
    public int RejectedSignatures => Read(() => store.RejectedSignatures);

    /// <summary>
    /// Every IPN sent, in order: the invoice, the status it announced, the <c>notificationURL</c>, the receiver's HTTP
    /// status (null when it did not answer) and the failure (null when it answered).
    /// </summary>
    public IReadOnlyList<(string InvoiceId, string Status, string Url, int? ResponseStatus, string? Error)> IpnDeliveries =>
        Read(() => (IReadOnlyList<(string, string, string, int?, string?)>)[.. store.IpnDeliveries.Select(delivery => (delivery.InvoiceId, delivery.Status, delivery.Url, delivery.ResponseStatus, delivery.Error))]);

    /// <summary>The current status of an invoice (as of the last time the clock was applied), or null when it does not exist.</summary>
    /// <param name="id">The invoice id.</param>
    /// <returns>The status, e.g. <c>new</c>.</returns>
    public string? GetInvoiceStatus(string id) => Read(() => store.InvoicesById.GetValueOrDefault(id)?.Status);

    /// <summary>Whether the token exists and is active (claimed, or its client-initiated pairing approved).</summary>
    /// <param name="token">The token.</param>
    /// <returns>True when the token can be used.</returns>
    public bool IsTokenActive(string token) => Read(() => store.Tokens.GetValueOrDefault(token)?.Active ?? false);

    /// <summary>
    /// The dashboard's "generate pairing code": a 7-character code for <paramref name="facade"/> that a client claims with
    /// <c>POST /tokens {id, pairingCode}</c> (server-initiated pairing). Also over HTTP:
    /// <c>POST /smartex/_sandbox/pairing-codes {"facade": "pos"}</c>.
    /// </summary>
    /// <param name="facade"><c>pos</c> or <c>merchant</c>.</param>
    /// <returns>The pairing code.</returns>
    public string IssuePairingCode(string facade)
    {
        if (!SmartexFacades.IsPairable(facade))
        {
            throw new ArgumentException("The facade must be pos or merchant.", nameof(facade));
        }

        return Read(() => store.IssueDashboardCode(facade).Code);
    }

    /// <summary>
    /// The dashboard's approval of a client-initiated pairing (<c>POST /tokens {id, facade}</c>); the same as opening
    /// <c>/smartex/api-access-request?pairingCode=…</c>.
    /// </summary>
    /// <param name="pairingCode">The pairing code of the token response.</param>
    /// <exception cref="KeyNotFoundException">No pending request has this code.</exception>
    /// <exception cref="InvalidOperationException">The request expired.</exception>
    public void Approve(string pairingCode)
    {
        var (approval, _) = Read(() => store.Approve(pairingCode));
        switch (approval)
        {
            case SmartexApproval.Unknown:
                throw new KeyNotFoundException("No access request has the pairing code " + pairingCode + ".");
            case SmartexApproval.Expired:
                throw new InvalidOperationException("The access request " + pairingCode + " expired.");
        }
    }

    /// <summary>The buyer pays an invoice in full: <c>new</c> → <c>paid</c> (IPN with fullNotifications).</summary>
    /// <param name="id">The invoice id.</param>
    /// <returns>A task that completes after the IPN, if any, was delivered or failed.</returns>
    /// <exception cref="KeyNotFoundException">No such invoice.</exception>
    /// <exception cref="InvalidOperationException">The invoice is not <c>new</c> (e.g. it expired).</exception>
    public Task PayInvoiceAsync(string id) => lifecycle.ChangeStatusAsync(id, "new", "paid");

    /// <summary>The payment is confirmed: <c>paid</c> → <c>confirmed</c> (always sends the IPN).</summary>
    /// <param name="id">The invoice id.</param>
    /// <returns>A task that completes after the IPN, if any, was delivered or failed.</returns>
    /// <exception cref="KeyNotFoundException">No such invoice.</exception>
    /// <exception cref="InvalidOperationException">The invoice is not <c>paid</c>.</exception>
    public Task ConfirmInvoiceAsync(string id) => lifecycle.ChangeStatusAsync(id, "paid", "confirmed");

    /// <summary>The merchant is credited: <c>confirmed</c> → <c>complete</c> (IPN with fullNotifications).</summary>
    /// <param name="id">The invoice id.</param>
    /// <returns>A task that completes after the IPN, if any, was delivered or failed.</returns>
    /// <exception cref="KeyNotFoundException">No such invoice.</exception>
    /// <exception cref="InvalidOperationException">The invoice is not <c>confirmed</c>.</exception>
    public Task CompleteInvoiceAsync(string id) => lifecycle.ChangeStatusAsync(id, "confirmed", "complete");

    /// <summary>
    /// Applies the clock now: <c>new</c> invoices past their expiration become <c>expired</c>, <c>paid</c> ones
    /// unconfirmed for an hour become <c>invalid</c>, and their IPNs are sent. Every Smartex request does this first;
    /// call it after advancing a manual clock to observe expiry without a request.
    /// </summary>
    /// <returns>The number of invoices that changed.</returns>
    public Task<int> AdvanceExpiryAsync() => lifecycle.ApplyClockAsync();

    private T Read<T>(Func<T> read)
    {
        lock (store.Sync)
        {
            return read();
        }
    }
}
