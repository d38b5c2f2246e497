using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Wire;

/// <summary>
/// One representative call of every operation in specs/smartex.yaml (plus the fallback variants of the operations
/// with more than one facade), with the payload its response carries and the facades the client is paired with.
/// The case name is the operation id, optionally followed by <c>-variant</c>.
/// </summary>
public static class OperationCases
{
    private static readonly string[] Both = ["pos", "merchant"];

    public static readonly IReadOnlyDictionary<string, (string Payload, string[] Facades, Func<SmartexClient, Task> Call)> All =
        new Dictionary<string, (string, string[], Func<SmartexClient, Task>)>
        {
            ["createToken"] = ("token", [], c => c.CreateTokenAsync(new SmartexTokenRequest { Id = TestClients.Sin, PairingCode = TestClients.PairingCode })),
            ["createToken-clientInitiated"] = ("token-request", [], c => c.CreateTokenAsync(new SmartexTokenRequest { Id = TestClients.Sin, Facade = Facade.Merchant, Label = "Shop backend" })),
            ["getTokens"] = ("tokens", [], c => c.GetTokensAsync()),
            ["createInvoice"] = ("invoice", Both, c => c.CreateInvoiceAsync(NewInvoice())),
            ["createInvoice-merchantOnly"] = ("invoice", ["merchant"], c => c.CreateInvoiceAsync(new InvoiceRequest { Price = 10m, Currency = "USD" })),
            ["getInvoices"] = ("invoice-list", Both, c => c.GetInvoicesAsync(new DateTimeOffset(2016, 4, 6, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2016, 4, 30, 0, 0, 0, TimeSpan.Zero), SmartexInvoiceStatus.Confirmed, "1001", limit: 50, offset: 0)),
            ["getInvoices-noWindow"] = ("invoice-list", ["merchant"], c => c.GetInvoicesAsync()),
            ["getInvoice"] = ("invoice", Both, c => c.GetInvoiceAsync(TestClients.InvoiceId)),
            ["getRefunds"] = ("refund-list", [], c => c.GetRefundsAsync(PaidInvoice())),
            ["createRefund"] = ("refund", [], c => c.CreateRefundAsync(PaidInvoice())),
            ["getInvoice-public"] = ("invoice", ["pos"], c => c.GetInvoiceAsync(TestClients.InvoiceId)),
            ["createBill"] = ("bill", Both, c => c.CreateBillAsync(NewBill())),
            ["getBills"] = ("bill-list", Both, c => c.GetBillsAsync(BillStatus.Sent)),
            ["getBill"] = ("bill", Both, c => c.GetBillAsync(TestClients.BillId)),
            ["updateBill"] = ("bill", Both, c => c.UpdateBillAsync(UpdatedBill(), TestClients.BillId)),
            ["deliverBill"] = ("bill-delivery", Both, c => c.DeliverBillAsync(new BillDeliveryRequest(), TestClients.BillId)),
            ["getRates"] = ("rates", [], c => c.GetRatesAsync()),
            ["getCurrencies"] = ("currencies", [], c => c.GetCurrenciesAsync()),
            ["getLedgers"] = ("ledgers", Both, c => c.GetLedgersAsync()),
        };

    public static IEnumerable<object[]> Names() => All.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    public static string OperationOf(string caseName) => caseName.Split('-')[0];

    /// <summary>An invoice as the merchant view returns it: with its resource token, which authorises its refunds.</summary>
    public static SmartexInvoice PaidInvoice() => new()
    {
        Id = TestClients.InvoiceId,
        Url = new Uri("https://smartex.io/invoice?id=" + TestClients.InvoiceId),
        Status = SmartexInvoiceStatus.Confirmed,
        Price = 20m,
        Currency = "USD",
        Token = TestClients.InvoiceResourceToken,
    };

    public static InvoiceRequest NewInvoice() => new()
    {
        Price = 20.50m,
        Currency = "USD",
        OrderID = "1001",
        PosData = "{\"orderId\":\"1001\"}",
        NotificationURL = new Uri("https://shop.example.org/smartex/ipn"),
        RedirectURL = new Uri("https://shop.example.org/thanks"),
        TransactionSpeed = TransactionSpeed.Medium,
        FullNotifications = true,
        ItemDesc = "Blue mug",
        BuyerName = "Ada Lovelace",
        BuyerEmail = "ada@example.org",
    };

    public static BillRequest NewBill() => new()
    {
        Currency = "USD",
        Number = "2016-0042",
        Name = "Ada Lovelace",
        Email = "ada@example.org",
        Country = "UK",
        ShowRate = true,
        DueDate = new DateTimeOffset(2016, 5, 31, 0, 0, 0, TimeSpan.Zero),
        Items = [new BillItem { Description = "Consulting", Price = 150.00m, Quantity = 2 }, new BillItem { Description = "Travel", Price = 42.5m, Quantity = 1 }],
    };

    public static BillUpdateRequest UpdatedBill() => new()
    {
        Currency = "USD",
        Number = "2016-0042",
        Email = "ada@example.org",
        Status = BillStatus.Sent,
        Items = [new BillItem { Description = "Consulting", Price = 150.00m, Quantity = 3 }],
    };
}
