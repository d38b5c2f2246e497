using System.Globalization;

namespace Tessera.Sandbox.Smartex;

/// <summary>
/// Seeds the Smartex store: <see cref="SmartexSandboxOptions.InvoiceCount"/> invoices spread over the 90 days before
/// the clock's start (settled history: complete, expired, confirmed, invalid; in several currencies, with order ids
/// so the <c>GET /invoices</c> filters and paging have something to find) and a handful of bills. Deterministic for
/// a given seed and start time.
/// </summary>
internal static class SmartexSeedData
{
    private static readonly string[] Items =
        ["Ether mug", "Hardware wallet", "Node hosting (1 month)", "Conference ticket", "Sticker pack", "Validator setup", "T-shirt", "Consulting hour"];

    private static readonly (string Name, string City, string Country, string Email)[] Buyers =
    [
        ("Alice Lindqvist", "Stockholm", "SE", "alice@example.com"),
        ("Bob Marchetti", "Milan", "IT", "bob@example.org"),
        ("Chidi Okafor", "Lagos", "NG", "chidi@example.net"),
        ("Dana Kowalski", "Toronto", "CA", "dana@example.com"),
        ("Eitan Levi", "Tel Aviv", "IL", "eitan@example.org"),
    ];

    public static void Seed(SmartexStore store)
    {
        var now = store.Now;
        var times = Enumerable.Range(0, store.Options.InvoiceCount)
            .Select(_ => now - TimeSpan.FromMinutes(60 + store.NextInt(90 * 24 * 60)))
            .Order()
            .ToList();
        for (var index = 0; index < times.Count; index++)
        {
            store.AddInvoice(Invoice(store, index, times[index]));
        }

        for (var index = 0; index < 8; index++)
        {
            store.AddBill(Bill(store, index, now - TimeSpan.FromDays(3 + (index * 6))));
        }
    }

    private static SmartexInvoice Invoice(SmartexStore store, int index, DateTimeOffset time)
    {
        var roll = store.NextInt(100);
        var currencyCode = roll switch
        {
            < 50 => "USD",
            < 70 => "EUR",
            < 80 => "GBP",
            < 88 => "CAD",
            _ => "ETH",
        };
        var currency = SmartexRates.Find(currencyCode)!;
        var price = currencyCode == "ETH"
            ? Math.Round((decimal)(0.01 + (store.NextDouble() * 2)), 6)
            : Math.Round((decimal)(5 + (store.NextDouble() * 495)), 2);
        var statusRoll = store.NextInt(100);
        var status = statusRoll switch
        {
            < 60 => "complete",
            < 88 => "expired",
            < 95 => "confirmed",
            _ => "invalid",
        };
        var buyer = Buyers[store.NextInt(Buyers.Length)];
        var withBuyer = store.NextInt(3) > 0;
        var invoice = new SmartexInvoice
        {
            Id = store.NewId(),
            Token = store.NewToken(),
            Price = price,
            Currency = currencyCode,
            EthPrice = SmartexRates.ToEth(price, currency),
            Rate = currency.RatePerEth,
            ExRates = SmartexRates.ExRates(currencyCode),
            InvoiceTime = time,
            ExpirationTime = time + store.Options.InvoiceLifetime,
            Status = status,
            OrderId = string.Create(CultureInfo.InvariantCulture, $"ORD-{10000 + index}"),
            PosData = string.Create(CultureInfo.InvariantCulture, $"{{\"cart\":{20000 + index}}}"),
            ItemDesc = Items[store.NextInt(Items.Length)],
            NotificationUrl = "https://merchant.example.com/smartex/ipn",
            FullNotifications = true,
            BuyerFields = withBuyer
                ? [new("buyerName", buyer.Name), new("buyerCity", buyer.City), new("buyerCountry", buyer.Country), new("buyerEmail", buyer.Email)]
                : [],
        };
        if (status != "expired")
        {
            var paid = time + TimeSpan.FromMinutes(1 + store.NextInt(10));
            invoice.EthPaid = invoice.EthPrice;
            invoice.PaidTime = paid;
            var confirmations = status switch
            {
                "complete" => 15,
                "confirmed" => 6,
                _ => 0,
            };
            invoice.Transactions.Add(new SmartexTransaction(store.NewTxId(), invoice.EthPrice, confirmations, paid));
        }

        return invoice;
    }

    private static SmartexBill Bill(SmartexStore store, int index, DateTimeOffset created)
    {
        var buyer = Buyers[index % Buyers.Length];
        string[] statuses = ["draft", "sent", "paid", "complete"];
        var status = statuses[index % statuses.Length];
        return new SmartexBill
        {
            Id = store.NewId(),
            Token = store.NewToken(),
            CreatedDate = created,
            Number = (1001 + index).ToString(CultureInfo.InvariantCulture),
            Status = status,
            Delivered = status != "draft",
            Currency = index % 3 == 0 ? "EUR" : "USD",
            ShowRate = index % 2 == 0,
            Name = buyer.Name,
            City = buyer.City,
            Country = buyer.Country,
            Email = buyer.Email,
            DueDate = DateOnly.FromDateTime(created.UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Items =
            [
                new SmartexBillItem(Items[index % Items.Length], 25m + (index * 10), 1 + (index % 3)),
                new SmartexBillItem("Shipping", 7.5m, 1),
            ],
        };
    }
}
