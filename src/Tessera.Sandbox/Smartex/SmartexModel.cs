namespace Tessera.Sandbox.Smartex;

/// <summary>The facades a pairing can grant (spec <c>Facade</c>: <c>pos</c> and <c>merchant</c>; the others are leftovers).</summary>
internal static class SmartexFacades
{
    public const string Pos = "pos";
    public const string Merchant = "merchant";

    public static bool IsPairable(string? facade) => facade is Pos or Merchant;
}

/// <summary>A facade token bound to a client identity (SIN): active once claimed or approved.</summary>
internal sealed class SmartexToken
{
    public required string Value { get; init; }

    public required string Facade { get; init; }

    public required string Sin { get; init; }

    public required DateTimeOffset DateCreated { get; init; }

    public string? Label { get; init; }

    /// <summary>Client-initiated pairing: the code the merchant approves; null for a claimed dashboard code.</summary>
    public string? PairingCode { get; init; }

    public DateTimeOffset? PairingExpiration { get; init; }

    public bool Active { get; set; }
}

/// <summary>A pairing code the "dashboard" issued for a facade (server-initiated pairing), claimable once.</summary>
internal sealed class SmartexDashboardCode
{
    public required string Code { get; init; }

    public required string Facade { get; init; }

    public required DateTimeOffset Expires { get; init; }

    public bool Claimed { get; set; }
}

/// <summary>A payment transaction seen for an invoice (spec <c>InvoiceTransaction</c>).</summary>
internal sealed record SmartexTransaction(string TxId, decimal Amount, int Confirmations, DateTimeOffset Time);

/// <summary>An invoice (spec <c>Invoice</c>); mutated only under the store's lock.</summary>
internal sealed class SmartexInvoice
{
    public required string Id { get; init; }

    /// <summary>The invoice resource token.</summary>
    public required string Token { get; init; }

    public required decimal Price { get; init; }

    public required string Currency { get; init; }

    public required decimal EthPrice { get; init; }

    public required decimal Rate { get; init; }

    public required IReadOnlyDictionary<string, decimal> ExRates { get; init; }

    public required DateTimeOffset InvoiceTime { get; init; }

    public required DateTimeOffset ExpirationTime { get; init; }

    public required string Status { get; set; }

    public decimal EthPaid { get; set; }

    public DateTimeOffset? PaidTime { get; set; }

    public string? PosData { get; init; }

    public string? OrderId { get; init; }

    public string? ItemDesc { get; init; }

    public string? ItemCode { get; init; }

    public bool? Physical { get; init; }

    public string? Guid { get; init; }

    public string? NotificationUrl { get; init; }

    public string? NotificationEmail { get; init; }

    public string? RedirectUrl { get; init; }

    public bool FullNotifications { get; init; }

    public string TransactionSpeed { get; init; } = "medium";

    /// <summary>Buyer fields as sent (<c>buyerName</c> … <c>buyerPhone</c>), in request order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BuyerFields { get; init; } = [];

    public List<SmartexTransaction> Transactions { get; } = [];

    /// <summary>
    /// Where the hosted invoice page lives: the sandbox's own <c>…/smartex</c> base of the request that created the
    /// invoice; null for seeded invoices, which use the base of the request that reads them.
    /// </summary>
    public string? PageBase { get; init; }
}

/// <summary>One line of a bill (spec <c>BillItem</c>).</summary>
internal sealed record SmartexBillItem(string Description, decimal Price, decimal Quantity);

/// <summary>A bill (spec <c>Bill</c>); mutated only under the store's lock.</summary>
internal sealed class SmartexBill
{
    public required string Id { get; init; }

    /// <summary>The bill resource token (accepted by <c>POST /bills/{id}/deliveries</c>).</summary>
    public required string Token { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public bool Delivered { get; set; }

    public string Status { get; set; } = "draft";

    public required string Number { get; set; }

    public string Currency { get; set; } = "USD";

    public bool ShowRate { get; set; }

    public bool Archived { get; set; }

    public string? Name { get; set; }

    public string? Address1 { get; set; }

    public string? Address2 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? Zip { get; set; }

    public string? Country { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? DueDate { get; set; }

    public IReadOnlyList<SmartexBillItem> Items { get; set; } = [];
}

/// <summary>
/// A refund request of an invoice (spec <c>Refund</c>, <c>POST /invoices/{id}/refunds</c>). The sources show no field
/// besides what every Node-client POST carries, so the sandbox keeps the request's other members and echoes them.
/// </summary>
internal sealed class SmartexRefund
{
    public required string Id { get; init; }

    public required string InvoiceId { get; init; }

    /// <summary>The refund request's own resource token (every resource the Node client chains on has one).</summary>
    public required string Token { get; init; }

    public required DateTimeOffset RequestDate { get; init; }

    public string? Guid { get; init; }

    /// <summary>Body members the spec does not name, echoed as sent.</summary>
    public required System.Text.Json.Nodes.JsonObject Extra { get; init; }
}
