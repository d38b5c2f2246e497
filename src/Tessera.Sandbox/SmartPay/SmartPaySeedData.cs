using System.Globalization;
using System.Text;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// Generates the SmartPay data set from the seed: consumers in Canada (mostly) and the northern United States, with
/// names, emails, phones in the formats people type, addresses and custom ids; orders (one-time or recurring) in CAD,
/// each with one or more invoices that are paid, failed, pending or cancelled. Dates lie before the first day of the
/// current month (<see cref="SmartPayStore.Anchor"/>), so the data looks current while a seed gives the same data all
/// month. About 15% of the consumers have no order (so they can be deleted) and about 8% are dummies (test data).
/// </summary>
internal sealed class SmartPaySeedData
{
    private static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Charlotte", "William", "Amelia", "Benjamin", "Sophia", "Lucas", "Chloé",
        "Félix", "Émilie", "François", "Zoë", "Mathieu", "Priya", "Arjun", "Wei", "Mei", "Aisha", "Omar", "Hannah",
        "Ethan", "Isabelle", "Gabriel", "Nathalie", "Jean-Philippe", "Marie-Ève", "Connor", "Siobhan", "Raj", "Fatima",
        "Daniel", "Jessica", "Michael", "Sarah", "David", "Emily", "Kevin", "Megan", "Tyler", "Ashley", "Brandon",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Tremblay", "Roy", "Gagnon", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Wilson",
        "MacDonald", "Campbell", "Anderson", "Taylor", "Brown", "Martin", "Lee", "Wong", "Chen", "Patel", "Singh",
        "Nguyen", "Kim", "O'Brien", "Murphy", "Thompson", "White", "Johnson", "Williams", "Leblanc", "Pelletier",
        "Bélanger", "St-Pierre", "Harris", "Clark", "Young", "King", "Wright", "Scott", "Grant", "McKenzie",
    ];

    private static readonly string[] EmailDomains =
    [
        "gmail.com", "outlook.com", "hotmail.com", "yahoo.ca", "icloud.com", "rogers.com", "shaw.ca", "videotron.ca",
        "bell.net", "sympatico.ca", "telus.net", "protonmail.com",
    ];

    private static readonly string[] Streets =
    [
        "Main St", "King St W", "Queen St E", "Yonge St", "Bloor St W", "Dundas St", "Wellington St", "Elm Ave",
        "Maple Dr", "Oak Cres", "Rue Sainte-Catherine O", "Boulevard René-Lévesque", "Rue Saint-Denis", "Granville St",
        "Robson St", "Jasper Ave", "17 Ave SW", "Portage Ave", "Spring Garden Rd", "Water St", "Lakeshore Blvd",
        "Church St", "Victoria Ave", "Park Rd", "Birch Lane", "Pine Ridge Rd",
    ];

    private static readonly City[] Cities =
    [
        new("Toronto", "ON", "CA", ["M5V", "M4W", "M6J", "M2N", "M4C"], ["416", "647"]),
        new("Ottawa", "ON", "CA", ["K1P", "K2P", "K1S"], ["613"]),
        new("Mississauga", "ON", "CA", ["L5B", "L5M"], ["905"]),
        new("Hamilton", "ON", "CA", ["L8P", "L9C"], ["905"]),
        new("London", "ON", "CA", ["N6A", "N6G"], ["519"]),
        new("Montréal", "QC", "CA", ["H2X", "H3B", "H2J"], ["514"]),
        new("Québec", "QC", "CA", ["G1R", "G1V"], ["418"]),
        new("Laval", "QC", "CA", ["H7N"], ["450"]),
        new("Vancouver", "BC", "CA", ["V6B", "V5K", "V6K"], ["604", "778"]),
        new("Victoria", "BC", "CA", ["V8W"], ["250"]),
        new("Surrey", "BC", "CA", ["V3T"], ["604"]),
        new("Calgary", "AB", "CA", ["T2P", "T3A"], ["403", "587"]),
        new("Edmonton", "AB", "CA", ["T5J", "T6E"], ["780"]),
        new("Winnipeg", "MB", "CA", ["R3C", "R2M"], ["204"]),
        new("Saskatoon", "SK", "CA", ["S7K"], ["306"]),
        new("Regina", "SK", "CA", ["S4P"], ["306"]),
        new("Halifax", "NS", "CA", ["B3H", "B3K"], ["902"]),
        new("Moncton", "NB", "CA", ["E1C"], ["506"]),
        new("St. John's", "NL", "CA", ["A1C"], ["709"]),
        new("Charlottetown", "PE", "CA", ["C1A"], ["902"]),
        new("Buffalo", "NY", "US", ["142"], ["716"]),
        new("Seattle", "WA", "US", ["981"], ["206"]),
        new("Detroit", "MI", "US", ["482"], ["313"]),
        new("Burlington", "VT", "US", ["054"], ["802"]),
        new("Bellingham", "WA", "US", ["982"], ["360"]),
        new("Portland", "ME", "US", ["041"], ["207"]),
    ];

    private const string PostalLetters = "ABCEGHJKLMNPRSTVWXYZ";

    private readonly SmartPayStore store;
    private readonly Random random;
    private readonly DateTimeOffset anchorInstant;
    private readonly HashSet<string> emails = new(StringComparer.OrdinalIgnoreCase);
    private int nextOrderNumber = 10_000;

    private SmartPaySeedData(SmartPayStore store, int seed)
    {
        this.store = store;
        random = new Random(seed);
        anchorInstant = new DateTimeOffset(store.Anchor.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    public static SmartPayStore Create(SandboxOptions options)
    {
        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var store = new SmartPayStore(options.Seed, timeProvider, new DateOnly(now.Year, now.Month, 1));
        var generator = new SmartPaySeedData(store, options.Seed);
        generator.Generate(options.SmartPay.ConsumerCount, options.SmartPay.OrderCount);
        return store;
    }

    /// <summary>An email-safe ASCII form of a name: accents stripped, apostrophes and spaces removed, lower case.</summary>
    public static string Ascii(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var character in value.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(character) || character == '-')
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return builder.ToString();
    }

    private void Generate(int consumerCount, int orderCount)
    {
        // Consumers, oldest first (ids and list order follow creation), over the three years before the anchor.
        var consumerDates = Enumerable.Range(0, consumerCount).Select(_ => Before(anchorInstant, 1, 3 * 365)).Order().ToList();
        foreach (var created in consumerDates)
        {
            store.Add(NewConsumer(created));
        }

        if (store.Consumers.Count == 0)
        {
            return;
        }

        // Orders go to the first ~85% of consumers (by a random pick), so the rest have none and can be deleted.
        var buyers = Math.Max(1, (int)Math.Ceiling(store.Consumers.Count * 0.85));
        var picks = Enumerable.Range(0, orderCount)
            .Select(_ => store.Consumers[random.Next(buyers)])
            .Select(consumer => (Consumer: consumer, Created: Between(consumer.CreatedOn, anchorInstant)))
            .OrderBy(pick => pick.Created)
            .ToList();
        foreach (var (consumer, created) in picks)
        {
            AddOrder(consumer, created);
        }

        // Invoices are listed in the order they were issued (a recurring order's later invoices come later).
        var invoices = store.Invoices.OrderBy(invoice => invoice.CreatedOn).ThenBy(invoice => invoice.Id, StringComparer.Ordinal).ToList();
        store.Invoices.Clear();
        store.Invoices.AddRange(invoices);
    }

    private SmartPayConsumer NewConsumer(DateTimeOffset created)
    {
        var first = Pick(FirstNames);
        var last = Pick(LastNames);
        var city = Pick(Cities);
        var number = random.Next(1, 9800).ToString(CultureInfo.InvariantCulture);
        var street = Pick(Streets);
        var streetAddress = random.Next(6) switch
        {
            0 => "Apt " + random.Next(1, 40).ToString(CultureInfo.InvariantCulture) + Pick(["", "A", "B"]) + ", " + number + " " + street,
            1 => random.Next(100, 2400).ToString(CultureInfo.InvariantCulture) + "-" + number + " " + street,
            _ => number + " " + street,
        };
        return new SmartPayConsumer
        {
            Id = NewSeedId(),
            CustomId = random.Next(10) switch
            {
                < 4 => "C" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
                < 6 => "wc" + random.Next(1, 20_000).ToString(CultureInfo.InvariantCulture),
                _ => null,
            },
            FirstName = first,
            LastName = last,
            Email = UniqueEmail(first, last),
            Phone = Phone(city),
            StreetAddress = streetAddress,
            City = city.Name,
            ProvinceState = city.Region,
            Country = city.Country,
            PostalCode = PostalCode(city),
            IsDummy = random.Next(100) < 8,
            CreatedOn = created,
        };
    }

    private void AddOrder(SmartPayConsumer consumer, DateTimeOffset created)
    {
        var paymentMethod = random.Next(100) < 65 ? "d" : "e";
        var amount = Amount();
        var discounted = random.Next(100) < 20 ? SmartPayJson.TwoDecimals(amount * (1 - (random.Next(5, 21) / 100m))) : amount;
        var recurring = random.Next(100) < 25;
        var order = new SmartPayOrder
        {
            Id = NewSeedId(),
            CustomId = random.Next(100) switch
            {
                < 70 => (nextOrderNumber += random.Next(1, 40)).ToString(CultureInfo.InvariantCulture),
                < 85 => "SO" + random.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture),
                _ => null,
            },
            ConsumerId = consumer.Id,
            PaymentMethod = paymentMethod,
            IsDummy = consumer.IsDummy,
            IsEnabled = random.Next(100) >= 4,
            SingleAmount = amount,
            SingleAmountDiscounted = discounted,
            RecurringAmount = recurring ? amount : null,
            RecurringAmountDiscounted = recurring ? discounted : null,
            CreatedOn = created,
        };
        store.Add(order);

        // The first invoice comes with the order; a recurring order is invoiced monthly (up to four invoices so far).
        var invoiceDates = new List<DateTimeOffset> { created };
        if (recurring)
        {
            for (var month = 1; month < 4 && created.AddMonths(month) < anchorInstant; month++)
            {
                invoiceDates.Add(created.AddMonths(month));
            }
        }

        foreach (var invoiceDate in invoiceDates)
        {
            store.Add(NewInvoice(order, invoiceDate));
        }
    }

    private SmartPayInvoice NewInvoice(SmartPayOrder order, DateTimeOffset created)
    {
        var invoice = new SmartPayInvoice
        {
            Id = NewSeedId(),
            OrderId = order.Id,
            ConsumerId = order.ConsumerId,
            Amount = order.SingleAmount,
            AmountDiscounted = order.SingleAmountDiscounted,
            PaymentMethod = order.PaymentMethod,
            IsDummy = order.IsDummy,
            CreatedOn = created,
        };

        // Recent invoices are often still pending; older ones are mostly paid, some failed, a few cancelled.
        var recent = anchorInstant - created < TimeSpan.FromDays(10);
        var roll = random.Next(100);
        var settleDays = order.PaymentMethod == "e" ? random.Next(0, 3) : random.Next(1, 6);
        if (!order.IsEnabled && roll < 50)
        {
            invoice.IsEnabled = false;
        }
        else if (recent ? roll < 35 : roll < 85)
        {
            invoice.DatePaid = Capped(created.AddDays(settleDays).AddMinutes(random.Next(0, 24 * 60)));
        }
        else if (recent ? roll < 45 : roll < 93)
        {
            invoice.DateFailed = Capped(created.AddDays(random.Next(1, 4)).AddMinutes(random.Next(0, 24 * 60)));
        }
        else if (!recent)
        {
            invoice.IsEnabled = false;
            if (roll < 96)
            {
                // Paid, then cancelled: refunded.
                invoice.DatePaid = Capped(created.AddDays(settleDays));
                invoice.Refunded = true;
            }
        }

        return invoice;
    }

    private DateTimeOffset Capped(DateTimeOffset value) =>
        SmartPayStore.ToSeconds(value < anchorInstant ? value : anchorInstant.AddSeconds(-random.Next(60, 3600)));

    private decimal Amount()
    {
        var dollars = random.Next(100) switch
        {
            < 40 => random.Next(15, 120),
            < 80 => random.Next(120, 600),
            < 95 => random.Next(600, 1800),
            _ => random.Next(1800, 4800),
        };
        var cents = random.Next(4) switch { 0 => 0m, 1 => 0.99m, 2 => 0.50m, _ => random.Next(0, 100) / 100m };
        return SmartPayJson.TwoDecimals(dollars + cents);
    }

    private string UniqueEmail(string first, string last)
    {
        var firstAscii = Ascii(first);
        var lastAscii = Ascii(last);
        var domain = Pick(EmailDomains);
        var local = random.Next(4) switch
        {
            0 => firstAscii + "." + lastAscii,
            1 => firstAscii[0] + lastAscii,
            2 => firstAscii + lastAscii + random.Next(1, 99).ToString(CultureInfo.InvariantCulture),
            _ => firstAscii + "_" + lastAscii[0],
        };
        var email = local + "@" + domain;
        for (var suffix = 2; !emails.Add(email); suffix++)
        {
            email = local + suffix.ToString(CultureInfo.InvariantCulture) + "@" + domain;
        }

        return email;
    }

    /// <summary>Phone numbers in the 555-01xx fictional range, in the formats people type ("format will vary").</summary>
    private string Phone(City city)
    {
        var area = Pick(city.AreaCodes);
        var line = "01" + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture);
        return random.Next(5) switch
        {
            0 => area + "-555-" + line,
            1 => "(" + area + ") 555-" + line,
            2 => "+1 " + area + " 555 " + line,
            3 => area + "555" + line,
            _ => area + ".555." + line,
        };
    }

    private string PostalCode(City city)
    {
        var prefix = Pick(city.PostalPrefixes);
        if (city.Country == "US")
        {
            return prefix + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{prefix} {random.Next(10)}{PostalLetters[random.Next(PostalLetters.Length)]}{random.Next(10)}");
    }

    private string NewSeedId()
    {
        while (true)
        {
            var id = SmartPayStore.NewId(random);
            if (!store.ConsumersById.ContainsKey(id) && !store.OrdersById.ContainsKey(id) && !store.InvoicesById.ContainsKey(id))
            {
                return id;
            }
        }
    }

    private DateTimeOffset Before(DateTimeOffset instant, int minDays, int maxDays) =>
        SmartPayStore.ToSeconds(instant - TimeSpan.FromDays(minDays) - TimeSpan.FromSeconds(random.NextInt64(0, (long)TimeSpan.FromDays(maxDays - minDays).TotalSeconds)));

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to)
    {
        var seconds = (long)(to - from).TotalSeconds;
        return SmartPayStore.ToSeconds(from + TimeSpan.FromSeconds(seconds <= 1 ? 0 : random.NextInt64(1, seconds)));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private sealed record City(string Name, string Region, string Country, string[] PostalPrefixes, string[] AreaCodes);
}
