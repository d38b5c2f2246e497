using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Smartex;

/// <summary>The outcome of approving a client-initiated pairing.</summary>
internal enum SmartexApproval
{
    Approved,
    Unknown,
    Expired,
}

/// <summary>One IPN the sandbox sent: the invoice, the status it announced, where it went and how that went.</summary>
internal sealed record SmartexIpnDelivery(string InvoiceId, string Status, string Url, int? ResponseStatus, string? Error, DateTimeOffset At);

/// <summary>
/// The Smartex sandbox's data: tokens and pairing codes, invoices (seeded and created), bills, the IPN log and
/// counters. Every access takes <see cref="Sync"/>. Ids, tokens and codes come from a <see cref="Random"/> seeded
/// with <see cref="SandboxOptions.Seed"/>, so a run with the same seed and clock produces the same values.
/// </summary>
internal sealed class SmartexStore
{
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string PairingAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private readonly Random random;

    public SmartexStore(SandboxOptions options, SmartexSandboxOptions smartex)
    {
        Options = smartex;
        Clock = options.TimeProvider ?? TimeProvider.System;
        random = new Random(options.Seed);
    }

    public Lock Sync { get; } = new();

    public SmartexSandboxOptions Options { get; }

    public TimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>
    /// The sandbox's own Smartex base (<c>scheme://host/smartex</c>) as the latest request reached it: the page base
    /// of seeded invoices in IPNs, which have no request to take it from.
    /// </summary>
    public string OwnBase { get; set; } = "http://localhost/smartex";

    public Dictionary<string, SmartexToken> Tokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SmartexDashboardCode> DashboardCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Invoices in creation order (seeded first, oldest first).</summary>
    public List<SmartexInvoice> Invoices { get; } = [];

    public Dictionary<string, SmartexInvoice> InvoicesById { get; } = new(StringComparer.Ordinal);

    public List<SmartexBill> Bills { get; } = [];

    public Dictionary<string, SmartexBill> BillsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Refund requests in creation order.</summary>
    public List<SmartexRefund> Refunds { get; } = [];

    public List<string> CreatedInvoiceIds { get; } = [];

    public List<string> CreatedBillIds { get; } = [];

    public List<string> CreatedTokens { get; } = [];

    public List<SmartexIpnDelivery> IpnDeliveries { get; } = [];

    public int SignedRequests { get; set; }

    public int RejectedSignatures { get; set; }

    public int PairingRequests { get; set; }

    public string NewId(int length = 22) => RandomText(Base58Alphabet, length);

    public string NewToken() => RandomText(Base58Alphabet, 44);

    public string NewPairingCode()
    {
        string code;
        do
        {
            code = RandomText(PairingAlphabet, 7);
        }
        while (DashboardCodes.ContainsKey(code) || Tokens.Values.Any(token => token.PairingCode == code));

        return code;
    }

    public int NextInt(int maxExclusive) => random.Next(maxExclusive);

    public double NextDouble() => random.NextDouble();

    public string NewTxId()
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    /// <summary>Issues a dashboard pairing code for <paramref name="facade"/> (server-initiated pairing).</summary>
    public SmartexDashboardCode IssueDashboardCode(string facade)
    {
        var code = new SmartexDashboardCode { Code = NewPairingCode(), Facade = facade, Expires = Now + Options.PairingCodeLifetime };
        DashboardCodes[code.Code] = code;
        return code;
    }

    public SmartexToken AddToken(string facade, string sin, string? label, bool active, bool withPairingCode)
    {
        var now = Now;
        var token = new SmartexToken
        {
            Value = NewToken(),
            Facade = facade,
            Sin = sin,
            Label = label,
            DateCreated = now,
            Active = active,
            PairingCode = withPairingCode ? NewPairingCode() : null,
            PairingExpiration = withPairingCode ? now + Options.PairingCodeLifetime : null,
        };
        Tokens[token.Value] = token;
        CreatedTokens.Add(token.Value);
        return token;
    }

    public SmartexToken? PendingTokenByCode(string pairingCode) =>
        Tokens.Values.FirstOrDefault(token => string.Equals(token.PairingCode, pairingCode, StringComparison.Ordinal));

    /// <summary>Approves the pending token with <paramref name="pairingCode"/> (idempotent); an expired request stays inactive.</summary>
    public (SmartexApproval Approval, SmartexToken? Token) Approve(string pairingCode)
    {
        var token = PendingTokenByCode(pairingCode);
        if (token is null)
        {
            return (SmartexApproval.Unknown, null);
        }

        if (!token.Active && Now >= token.PairingExpiration)
        {
            return (SmartexApproval.Expired, token);
        }

        token.Active = true;
        return (SmartexApproval.Approved, token);
    }

    public void AddInvoice(SmartexInvoice invoice)
    {
        Invoices.Add(invoice);
        InvoicesById[invoice.Id] = invoice;
    }

    public void AddBill(SmartexBill bill)
    {
        Bills.Add(bill);
        BillsById[bill.Id] = bill;
    }

    /// <summary>
    /// Applies the clock to every invoice: <c>new</c> past its expiration turns <c>expired</c>, <c>paid</c> for more
    /// than an hour without confirmation turns <c>invalid</c>. Returns the IPNs those changes call for.
    /// </summary>
    public List<(SmartexInvoice Invoice, JsonObject Body)> ApplyClock()
    {
        var now = Now;
        var notifications = new List<(SmartexInvoice, JsonObject)>();
        foreach (var invoice in Invoices)
        {
            string? next = invoice.Status switch
            {
                "new" when now >= invoice.ExpirationTime => "expired",
                "paid" when invoice.PaidTime is { } paid && now >= paid + TimeSpan.FromHours(1) => "invalid",
                _ => null,
            };
            if (next is not null)
            {
                invoice.Status = next;
                if (Notifies(invoice))
                {
                    notifications.Add((invoice, SmartexJson.Invoice(invoice, SmartexInvoiceView.Full, now, OwnBase)));
                }
            }
        }

        return notifications;
    }

    /// <summary>Whether the invoice's current status is announced: every change with fullNotifications, else only <c>confirmed</c>.</summary>
    public static bool Notifies(SmartexInvoice invoice) =>
        invoice.NotificationUrl is not null && (invoice.FullNotifications || invoice.Status == "confirmed");

    private string RandomText(string alphabet, int length) =>
        string.Create(length, (alphabet, random), static (span, state) =>
        {
            for (var index = 0; index < span.Length; index++)
            {
                span[index] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
}
