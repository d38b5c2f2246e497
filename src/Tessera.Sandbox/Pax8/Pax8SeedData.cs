using System.Globalization;

namespace Tessera.Sandbox.Pax8;

/// <summary>
/// Generates the sandbox's data set from the seed: companies with contacts, subscriptions created by orders, monthly
/// invoices with line items, and usage summaries. Every reference is consistent (subscriptions point at existing
/// companies and products, invoice items at subscriptions, usage summaries at usage-based subscriptions). Dates are
/// relative to the first day of the current month (<see cref="Pax8Store.Anchor"/>), so data looks current while a
/// given seed gives the same data all month.
/// </summary>
internal sealed class Pax8SeedData
{
    private static readonly string[] NameStems =
    [
        "Summit", "Blue Ridge", "Ironwood", "Cedar Creek", "Granite Peak", "Harbor Point", "Northwind", "Pinnacle",
        "Redwood", "Silverline", "Keystone", "Lakeside", "Maple Leaf", "Oakridge", "Prairie Sky", "Riverbend",
        "Stonegate", "Sunrise", "Timberline", "Westfield", "Evergreen", "Falcon Crest", "Horizon", "Liberty",
        "Meridian", "Copper Canyon", "Sequoia", "Sterling", "Trident", "Vanguard", "Aspen Grove", "Bright Harbor",
        "Clearwater", "Driftwood", "Eagle Rock", "Foxhollow", "Golden Gate", "Highland", "Juniper", "Kingsbridge",
    ];

    private static readonly string[] Industries =
    [
        "Dental", "Legal", "Accounting", "Construction", "Logistics", "Family Medicine", "Realty", "Engineering",
        "Veterinary Clinic", "Insurance", "Manufacturing", "Architects", "Credit Union", "Marketing", "Auto Group",
        "Landscaping", "Plumbing & Heating", "Brewing", "Consulting", "Pharmacy",
    ];

    private static readonly string[] FirstNames =
    [
        "James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer", "William", "Elizabeth",
        "Daniel", "Susan", "Matthew", "Jessica", "Anthony", "Sarah", "Mark", "Karen", "Steven", "Nancy", "Paul",
        "Lisa", "Andrew", "Emily", "Joshua", "Michelle", "Kevin", "Amanda", "Brian", "Melissa", "Priya", "Wei",
        "Olivia", "Liam", "Chloe", "Noah", "Aisha", "Mateo", "Hannah", "Ethan",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
        "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Nguyen", "Patel", "Campbell", "Murphy", "O'Brien", "MacDonald", "Tremblay", "Singh",
    ];

    private static readonly string[] Streets =
    [
        "Main St", "Market St", "Oak Ave", "S Quebec St", "Elm St", "Broadway", "Pine St", "Commerce Dr",
        "Industrial Blvd", "Park Ave", "Lakeview Rd", "Technology Way", "Cherry Creek Dr", "Washington Ave",
    ];

    private static readonly string[] BritishStreets =
    [
        "High Street", "Station Road", "King Street", "Church Lane", "Victoria Road", "Mill Lane", "Queen Street",
    ];

    private static readonly string[] Suites = ["Suite 200", "Ste. 350", "Floor 3", "Unit 4", "Suite 1100", "Bldg B"];

    private static readonly City[] Cities =
    [
        new("Greenwood Village", "CO", "US", ["80111", "80112"], "303"),
        new("Denver", "CO", "US", ["80202", "80205", "80211"], "720"),
        new("Boulder", "Colorado", "US", ["80301", "80302"], "303"),
        new("Austin", "TX", "US", ["78701", "78704", "78745"], "512"),
        new("Dallas", "TX", "US", ["75201", "75204"], "214"),
        new("Phoenix", "AZ", "US", ["85004", "85016"], "602"),
        new("Seattle", "WA", "US", ["98101", "98109"], "206"),
        new("Portland", "Oregon", "US", ["97201", "97209"], "503"),
        new("Chicago", "IL", "US", ["60601", "60607", "60614"], "312"),
        new("Columbus", "OH", "US", ["43215", "43201"], "614"),
        new("Atlanta", "GA", "US", ["30303", "30309"], "404"),
        new("Nashville", "TN", "US", ["37203", "37206"], "615"),
        new("Raleigh", "NC", "US", ["27601", "27603"], "919"),
        new("Boston", "MA", "US", ["02108", "02110"], "617"),
        new("Minneapolis", "MN", "US", ["55401", "55403"], "612"),
        new("Salt Lake City", "Utah", "US", ["84101", "84111"], "801"),
        new("Tampa", "FL", "US", ["33602", "33606"], "813"),
        new("Kansas City", "MO", "US", ["64105", "64108"], "816"),
        new("Toronto", "ON", "CA", ["M5V 2T6", "M4W 1A8"], "416"),
        new("Vancouver", "BC", "CA", ["V6B 1A1", "V6E 4M2"], "604"),
        new("Calgary", "AB", "CA", ["T2P 1J9", "T2R 0B4"], "403"),
        new("Ottawa", "Ontario", "CA", ["K1P 5J9", "K2P 1L4"], "613"),
        new("Montreal", "QC", "CA", ["H3B 2Y5", "H2Y 1C6"], "514"),
        new("Halifax", "NS", "CA", ["B3J 1S9", "B3H 4R2"], "902"),
        new("London", "Greater London", "GB", ["EC1A 1BB", "SW1A 2AA", "E1 6AN"], "20 7946"),
        new("Manchester", "Greater Manchester", "GB", ["M1 1AE", "M2 5DB"], "161 496"),
        new("Leeds", "West Yorkshire", "GB", ["LS1 4AP", "LS2 7HY"], "113 496"),
        new("Bristol", "Bristol", "GB", ["BS1 5TR", "BS1 4DJ"], "117 496"),
        new("Edinburgh", "Scotland", "GB", ["EH1 1YZ", "EH2 2ER"], "131 496"),
        new("Birmingham", "West Midlands", "GB", ["B1 1BB", "B3 2DS"], "121 496"),
    ];

    private static readonly (string Sku, int Weight)[] MicrosoftCores =
    [
        ("MST-NCE-BBA-C100", 20), ("MST-NCE-BST-C100", 25), ("MST-NCE-BPR-C100", 30), ("MST-NCE-OE3-C100", 8),
        ("MST-NCE-ME3-C100", 7), ("MST-NCE-ME5-C100", 3), ("MST-NCE-OE1-C100", 2), ("MST-NCE-EX1-C100", 5),
    ];

    private static readonly string[] GoogleCores =
        ["GGL-WSP-BST-C100", "GGL-WSP-BSD-C100", "GGL-WSP-BPL-C100", "GGL-WSP-EST-C100"];

    private static readonly string[] Extras =
    [
        "MST-AZR-PLN-C100", "ACR-CPC-USG-C100", "NAB-COV-USG-C100", "DTO-SAP-M36-C100", "DTO-RMM-DEV-C100",
        "DTO-EDR-END-C100", "NAB-NCE-DEV-C100", "NAB-MAS-MBX-C100", "PFP-ESS-BUS-C100", "SNO-SNG-CTL-C100",
        "SNO-SNG-CMP-C100", "BTD-GZB-SEC-C100", "KPR-BUS-USR-C100", "DBX-BUS-STD-C100", "ADB-ACR-PRO-C100",
        "SPH-IXA-USR-C100", "HNT-EDR-END-C100", "CSC-DUO-ESS-C100", "MST-NCE-DFB-C100", "MST-NCE-EP1-C100",
        "MST-NCE-IN1-C100", "MST-NCE-VP2-C100", "MST-NCE-PP3-C100", "MST-NCE-TES-C100", "PAX-MIG-M36-C100",
        "DTO-SIR-ACT-C100",
    ];

    private static readonly (string Status, int Weight)[] SubscriptionStatuses =
    [
        ("Active", 820), ("Cancelled", 60), ("PendingCancel", 20), ("PendingManual", 20), ("PendingAutomated", 10),
        ("WaitingForDetails", 20), ("Converted", 10), ("PendingActivation", 10), ("Activated", 10),
    ];

    private static readonly string[] PartnerUsers =
        ["alex.morgan", "jordan.reyes", "sam.whitfield", "taylor.brooks"];

    private const string PartnerDomain = "northpoint-it.com";

    private readonly Pax8Store store;
    private readonly Random random;
    private readonly DateTimeOffset anchorInstant;
    private readonly Dictionary<string, Pax8Product> productsBySku;
    private readonly Dictionary<Guid, decimal> initialQuantities = [];

    private Pax8SeedData(Pax8Store store, Random random)
    {
        this.store = store;
        this.random = random;
        anchorInstant = new DateTimeOffset(store.Anchor.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        productsBySku = store.Products.ToDictionary(product => product.Sku, StringComparer.Ordinal);
    }

    private sealed record City(string Name, string State, string Country, string[] PostalCodes, string AreaCode);

    /// <summary>Creates a store filled with the data set for <paramref name="options"/>.</summary>
    public static Pax8Store Create(SandboxOptions options)
    {
        var now = options.TimeProvider.GetUtcNow().UtcDateTime;
        var store = new Pax8Store(options.Seed, options.TimeProvider, new DateOnly(now.Year, now.Month, 1));
        foreach (var product in Pax8Catalog.Build())
        {
            store.Add(product);
        }

        var seed = new Pax8SeedData(store, new Random(options.Seed));
        seed.SeedCompanies(Math.Max(0, options.Pax8CompanyCount));
        seed.SeedSubscriptionsAndOrders();
        seed.SeedInvoices();
        seed.SeedUsageSummaries();
        return store;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private T PickWeighted<T>(IReadOnlyList<(T Value, int Weight)> items)
    {
        var roll = random.Next(items.Sum(item => item.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return items[^1].Value;
    }

    private bool Chance(double probability) => random.NextDouble() < probability;

    private DateTimeOffset DaysBeforeAnchor(int minDays, int maxDays) =>
        anchorInstant.AddDays(-random.Next(minDays, maxDays + 1)).AddSeconds(random.Next(14 * 3600, 24 * 3600)) /* business hours in Denver */.AddMilliseconds(random.Next(1000));

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private void SeedCompanies(int count)
    {
        var names = new List<string>(NameStems.Length * Industries.Length);
        foreach (var stem in NameStems)
        {
            foreach (var industry in Industries)
            {
                names.Add(stem + " " + industry);
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(names));
        for (var index = 0; index < count; index++)
        {
            var baseName = names[index % names.Count];
            if (index >= names.Count)
            {
                baseName += " " + ((index / names.Count) + 1).ToString(CultureInfo.InvariantCulture);
            }

            var roll = random.NextDouble();
            var city = roll < 0.75 ? Pick(Cities[..18]) : roll < 0.9 ? Pick(Cities[18..24]) : Pick(Cities[24..]);
            SeedCompany(baseName, city);
        }
    }

    private void SeedCompany(string baseName, City city)
    {
        var suffix = city.Country switch
        {
            "GB" => Pick(["Ltd", "LLP", "Limited"]),
            "CA" => Pick(["Inc.", "Ltd.", "Corp."]),
            _ => Pick(["LLC", "Inc.", "Group", "Partners", "Co."]),
        };
        var name = baseName + " " + suffix;
        var domain = Slug(baseName) + (city.Country switch { "GB" => ".co.uk", "CA" => ".ca", _ => ".com" });
        var statusRoll = random.NextDouble();
        var status = statusRoll < 0.08 ? "Inactive" : statusRoll < 0.09 ? "Deleted" : "Active";
        var selfService = Chance(0.3);
        var company = new Pax8Company
        {
            Id = Pax8Ids.Next(random),
            Name = name,
            Address = new Pax8Address
            {
                Street = city.Country == "GB"
                    ? random.Next(1, 220).ToString(CultureInfo.InvariantCulture) + " " + Pick(BritishStreets)
                    : random.Next(100, 9900).ToString(CultureInfo.InvariantCulture) + " " + Pick(Streets),
                Street2 = Chance(0.3) ? Pick(Suites) : null,
                City = city.Name,
                StateOrProvince = city.State,
                PostalCode = Pick(city.PostalCodes),
                Country = city.Country,
            },
            Phone = Phone(city),
            Website = Chance(0.4) ? "https://www." + domain + "/" : domain,
            ExternalId = Chance(0.4) ? "CUST-" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) : null,
            BillOnBehalfOfEnabled = Chance(0.2),
            SelfServiceAllowed = selfService,
            OrderApprovalRequired = selfService && Chance(0.5),
            Status = status,
            UpdatedDate = DaysBeforeAnchor(1, 720),
            ListOmitsPhone = Chance(0.25),
        };
        store.Add(company);

        var contactCount = status == "Inactive" ? random.Next(1, 3) : random.Next(1, 5);
        var roles = new List<Pax8ContactRole>[contactCount];
        for (var index = 0; index < contactCount; index++)
        {
            roles[index] = [];
        }

        foreach (var type in (string[])["Admin", "Billing", "Technical"])
        {
            // Inactive companies lack a primary contact for at least one type (that is why they are inactive).
            var primary = status != "Inactive" || (type == "Billing" && Chance(0.5));
            roles[random.Next(contactCount)].Add(new Pax8ContactRole(type, primary));
        }

        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < contactCount; index++)
        {
            if (roles[index].Count == 0)
            {
                roles[index].Add(new Pax8ContactRole(Pick(["Admin", "Billing", "Technical"]), false));
            }

            string first, last;
            do
            {
                first = Pick(FirstNames);
                last = Pick(LastNames);
            }
            while (!usedNames.Add(first + last));

            var phone = Phone(city);
            var (phoneNumber, countryCode, callingCode) = Pax8Rules.SplitPhone(phone, city.Country);
            company.Contacts.Add(new Pax8Contact
            {
                Id = Pax8Ids.Next(random),
                CompanyId = company.Id,
                FirstName = first,
                LastName = last,
                Email = (first + "." + last).Replace("'", string.Empty, StringComparison.Ordinal).ToLowerInvariant() + "@" + domain,
                Phone = phone,
                PhoneNumber = phoneNumber,
                PhoneCountryCode = countryCode,
                PhoneCountryCallingCode = callingCode,
                CreatedDate = DateOnly.FromDateTime(DaysBeforeAnchor(30, 1800).UtcDateTime),
                Sequence = store.NextContactSequence(),
                Types = roles[index],
            });
        }
    }

    private string Phone(City city)
    {
        var line = random.Next(100).ToString("00", CultureInfo.InvariantCulture);
        return city.Country == "GB"
            ? "+44 " + city.AreaCode + " 0" + random.Next(100, 1000).ToString(CultureInfo.InvariantCulture)
            : city.AreaCode + "-555-01" + line;
    }

    private void SeedSubscriptionsAndOrders()
    {
        foreach (var company in store.Companies.Where(company => company.Status == "Active"))
        {
            var employees = random.Next(3, 121);
            var chosen = new List<Pax8Subscription>();
            var companyStart = DaysBeforeAnchor(120, 1500);
            var roll = random.NextDouble();
            Pax8Subscription? core = null;
            if (roll < 0.85)
            {
                core = AddSubscription(company, productsBySku[PickWeighted(MicrosoftCores)], employees, companyStart, null, chosen);
            }
            else if (roll < 0.95)
            {
                core = AddSubscription(company, productsBySku[Pick(GoogleCores)], employees, companyStart, null, chosen);
            }

            var extras = random.Next(0, 4);
            for (var index = 0; index < extras; index++)
            {
                var product = productsBySku[Pick(Extras)];
                if (chosen.Any(subscription => subscription.ProductId == product.Id))
                {
                    continue;
                }

                var created = companyStart.AddDays(random.Next(1, Math.Max(2, (int)(anchorInstant - companyStart).TotalDays - 3)));
                var subscription = AddSubscription(company, product, employees, created, null, chosen);
                if (product.Sku == "ACR-CPC-USG-C100" && Chance(0.4))
                {
                    AddSubscription(company, productsBySku["ACR-ADV-BKP-C100"], employees, created, subscription, chosen);
                }
            }

            if (core is not null)
            {
                var coreProduct = store.ProductsById[core.ProductId];
                foreach (var addOnSku in (string[])["MST-NCE-TPS-C100", "MST-NCE-CPL-C100"])
                {
                    var addOn = productsBySku[addOnSku];
                    if (addOn.Requires.Contains(coreProduct) && Chance(0.15))
                    {
                        AddSubscription(company, addOn, Math.Max(1, employees / 3), core.CreatedDate.Value, core, chosen);
                    }
                }
            }

            SeedOrders(company, chosen);
        }
    }

    private Pax8Subscription AddSubscription(Pax8Company company, Pax8Product product, int employees, DateTimeOffset created, Pax8Subscription? parent, List<Pax8Subscription> chosen)
    {
        var entries = product.Pricing.Where(entry => entry.BillingTerm != "Trial").ToList();
        var entry = product.VendorName == "Microsoft" && entries.Count >= 3
            ? PickWeighted([(entries[1], 60), (entries[2], 25), (entries[0], 15)])
            : Pick(entries);
        var status = PickWeighted(SubscriptionStatuses);
        var trialEntry = product.Pricing.FirstOrDefault(candidate => candidate.BillingTerm == "Trial");
        if (trialEntry is not null && Chance(0.25))
        {
            entry = trialEntry;
            status = "Trial";
        }

        if (product.IsUsageBased || entry.BillingTerm is "One-Time" or "Activation")
        {
            status = status is "Cancelled" ? status : "Active";
        }

        var quantity = product.UnitOfMeasure switch
        {
            "Usage" or "GB" or "Each" => 1m,
            "Device" or "Endpoint" or "Workload" => Math.Max(1, (int)Math.Round(employees * 1.3)),
            _ => Math.Max(1, employees + random.Next(-2, 3)),
        };
        var initialQuantity = quantity > 5 && Chance(0.3) ? quantity - random.Next(1, 5) : quantity;
        var rate = Pax8Rules.RateFor(entry, quantity);
        var mountainCreated = Pax8Json.ToMountainTime(created);
        var startDate = mountainCreated.Date;
        var subscription = new Pax8Subscription
        {
            Id = Pax8Ids.Next(random),
            ParentSubscriptionId = parent?.Id,
            CompanyId = company.Id,
            ProductId = product.Id,
            VendorSubscriptionId = product.VendorName == "Microsoft" && !product.IsUsageBased ? Pax8Ids.Next(random).ToString() : null,
            VendorSkuId = product.VendorName == "Microsoft" ? product.VendorSku : null,
            Quantity = initialQuantity,
            // D15: start dates arrive as plain dates or as date-times with colon-less offsets.
            StartDate = new WireDateTime(new DateTimeOffset(startDate, mountainCreated.Offset), Chance(0.5) ? WireDateStyle.DateOnly : WireDateStyle.ColonlessOffset),
            CreatedDate = new WireDateTime(mountainCreated, Chance(0.2) ? WireDateStyle.DateOnly : WireDateStyle.ColonlessOffset),
            BillingStart = DateOnly.FromDateTime(startDate),
            Status = status == "Trial" ? "Trial" : "Active",
            Price = rate.SuggestedRetailPrice,
            CurrencyCode = company.CurrencyCode,
            PartnerCost = rate.PartnerBuyRate,
            ProductName = product.Name,
            BillingTerm = entry.BillingTerm,
            Commitment = entry.Commitment is { } term
                ? new Pax8SubscriptionCommitment(term.Id, term.Term, new WireDateTime(CommitmentEnd(startDate, term.Months), WireDateStyle.DateOnly))
                : null,
        };
        subscription.UpdatedDate = subscription.CreatedDate with { Style = WireDateStyle.ColonlessOffset };
        if (status is "PendingManual" or "PendingAutomated" or "WaitingForDetails" or "PendingActivation")
        {
            subscription.Status = status;
        }

        subscription.History.Add(Pax8Json.Subscription(subscription));
        initialQuantities[subscription.Id] = initialQuantity;

        var daysSinceCreated = Math.Max(2, (int)(anchorInstant - created).TotalDays);
        if (initialQuantity != quantity)
        {
            subscription.Quantity = quantity;
            subscription.UpdatedDate = new WireDateTime(Pax8Json.ToMountainTime(created.AddDays(random.Next(1, daysSinceCreated))), WireDateStyle.ColonlessOffset);
            subscription.History.Add(Pax8Json.Subscription(subscription));
        }

        if (status is "Cancelled" or "PendingCancel" or "Converted" or "Activated")
        {
            var changed = Pax8Json.ToMountainTime(created.AddDays(random.Next(1, daysSinceCreated)));
            if (subscription.UpdatedDate is { } updated && updated.Value > changed)
            {
                changed = updated.Value.AddHours(1);
            }

            subscription.Status = status;
            subscription.UpdatedDate = new WireDateTime(changed, WireDateStyle.ColonlessOffset);
            subscription.EndDate = status switch
            {
                "Cancelled" => new WireDateTime(changed, WireDateStyle.DateOnly),
                "PendingCancel" => new WireDateTime(anchorInstant.AddDays(random.Next(5, 40)), WireDateStyle.DateOnly),
                _ => null,
            };
            subscription.History.Add(Pax8Json.Subscription(subscription));
        }

        store.Add(subscription);
        chosen.Add(subscription);
        return subscription;
    }

    /// <summary>The end of the current commitment period: the start date rolled forward by whole terms past the anchor.</summary>
    private DateTimeOffset CommitmentEnd(DateTime start, int months)
    {
        var end = start.AddMonths(months);
        while (end <= anchorInstant.UtcDateTime)
        {
            end = end.AddMonths(months);
        }

        return new DateTimeOffset(end.AddDays(-1), TimeSpan.Zero);
    }

    private void SeedOrders(Pax8Company company, List<Pax8Subscription> subscriptions)
    {
        foreach (var group in subscriptions.GroupBy(subscription => DateOnly.FromDateTime(subscription.CreatedDate.Value.DateTime)).OrderBy(group => group.Key))
        {
            var members = group.ToList();
            var orderedBy = company.SelfServiceAllowed && Chance(0.3) ? "Customer" : Chance(0.04) ? "Pax8" : "Pax8Partner";
            var partnerUser = Pick(PartnerUsers);
            var order = new Pax8Order
            {
                Id = Pax8Ids.Next(random),
                CompanyId = company.Id,
                CreatedDate = group.Key,
                OrderedBy = orderedBy,
                OrderedByUserId = orderedBy == "Pax8Partner" ? PartnerUserId(partnerUser) : null,
                OrderedByUserEmail = orderedBy switch
                {
                    "Pax8Partner" => partnerUser + "@" + PartnerDomain,
                    "Customer" => company.Contacts[0].Email,
                    _ => null,
                },
                Status = members.Any(member => member.Status == "PendingManual") ? "PendingManual"
                    : members.Any(member => member.Status is "WaitingForDetails" or "PendingAutomated") ? "Processing"
                    : "Completed",
            };
            foreach (var member in members)
            {
                order.LineItems.Add(new Pax8LineItem
                {
                    Id = Pax8Ids.Next(random),
                    ProductId = member.ProductId,
                    SubscriptionId = member.Id,
                    CommitmentTermId = member.Commitment?.Id,
                    ProvisionStartDate = member.CreatedDate.Value.ToUniversalTime(),
                    BillingTerm = member.History[0]["billingTerm"]!.GetValue<string>(),
                    Quantity = initialQuantities[member.Id],
                });
            }

            store.Add(order);
        }

        if (Chance(0.02) && company.Contacts.Count > 0)
        {
            var product = productsBySku[Pick(Extras)];
            var failed = new Pax8Order
            {
                Id = Pax8Ids.Next(random),
                CompanyId = company.Id,
                CreatedDate = DateOnly.FromDateTime(DaysBeforeAnchor(3, 200).UtcDateTime),
                OrderedBy = "Pax8Partner",
                OrderedByUserId = PartnerUserId(PartnerUsers[0]),
                OrderedByUserEmail = PartnerUsers[0] + "@" + PartnerDomain,
                Status = "Failed",
            };
            var entry = product.Pricing[0];
            failed.LineItems.Add(new Pax8LineItem
            {
                Id = Pax8Ids.Next(random),
                ProductId = product.Id,
                CommitmentTermId = entry.Commitment?.Id,
                BillingTerm = entry.BillingTerm,
                Quantity = 1,
            });
            store.Add(failed);
        }
    }

    private static Guid PartnerUserId(string user) => Pax8Ids.FromName("pax8-partner-user:" + user);

    private void SeedInvoices()
    {
        var invoiceDates = Enumerable.Range(0, 6).Select(monthsBack => store.Anchor.AddMonths(-5 + monthsBack)).ToList();
        var invoices = new List<Pax8Invoice>();

        // Pax8 invoices the partner for its companies; companies billed on behalf (billOnBehalfOfEnabled) get their own invoices.
        invoices.AddRange(SeedAccountInvoices(invoiceDates, null, store.Companies.Where(company => !company.BillOnBehalfOfEnabled).ToList()));
        foreach (var company in store.Companies.Where(company => company.BillOnBehalfOfEnabled && company.Status != "Inactive"))
        {
            invoices.AddRange(SeedAccountInvoices(invoiceDates, company, [company]));
        }

        foreach (var invoice in invoices.OrderByDescending(invoice => invoice.InvoiceDate).ThenBy(invoice => invoice.CompanyId is null ? 0 : 1))
        {
            store.Add(invoice);
        }
    }

    private List<Pax8Invoice> SeedAccountInvoices(List<DateOnly> invoiceDates, Pax8Company? billedCompany, List<Pax8Company> companies)
    {
        var result = new List<Pax8Invoice>();
        var carried = 0m;
        var companyIds = companies.Select(company => company.Id).ToHashSet();
        var subscriptions = store.Subscriptions.Where(subscription => companyIds.Contains(subscription.CompanyId)).ToList();
        foreach (var invoiceDate in invoiceDates)
        {
            var invoiceId = Pax8Ids.Next(random);
            var items = new List<Pax8InvoiceItem>();
            foreach (var subscription in subscriptions)
            {
                items.AddRange(InvoiceItemsFor(subscription, invoiceDate, billedCompany is not null));
            }

            var total = Pax8Money.Round(items.Sum(item => item.AmountDue + (item.SalesTax ?? 0)));
            var isLatest = invoiceDate == invoiceDates[^1];
            var roll = random.NextDouble();
            var status = total == 0 ? "Nothing Due"
                : isLatest ? "Unpaid"
                : billedCompany is null ? "Paid"
                : roll < 0.05 ? "Carried" : roll < 0.06 ? "Void" : roll < 0.07 ? "Credited" : "Paid";
            var balance = status is "Unpaid" or "Carried" ? total + carried : 0m;
            var invoice = new Pax8Invoice
            {
                Id = invoiceId,
                Status = status,
                InvoiceDate = invoiceDate,
                DueDate = invoiceDate.AddDays(14),
                Balance = balance,
                CarriedBalance = carried,
                Total = total,
                CurrencyCode = billedCompany?.CurrencyCode ?? "USD",
                PartnerName = store.PartnerName,
                CompanyId = billedCompany?.Id,
                ExternalId = billedCompany?.ExternalId,
            };
            invoice.Items.AddRange(items.OrderBy(item => item.CompanyName, StringComparer.Ordinal).ThenBy(item => item.ProductName, StringComparer.Ordinal));
            carried = status == "Carried" ? balance : 0m;
            result.Add(invoice);
        }

        return result;
    }

    private IEnumerable<Pax8InvoiceItem> InvoiceItemsFor(Pax8Subscription subscription, DateOnly invoiceDate, bool billedByPax8)
    {
        var created = DateOnly.FromDateTime(subscription.CreatedDate.Value.DateTime);
        var ended = subscription.EndDate is { } end && subscription.Status == "Cancelled" ? DateOnly.FromDateTime(end.Value.DateTime) : (DateOnly?)null;
        var previousMonth = invoiceDate.AddMonths(-1);
        var product = store.ProductsById[subscription.ProductId];
        var active = created < invoiceDate && (ended is null || ended >= invoiceDate)
            && subscription.Status is not ("WaitingForDetails" or "PendingManual" or "PendingAutomated" or "PendingActivation" or "Trial");
        if (!active)
        {
            yield break;
        }

        var entry = product.Pricing.FirstOrDefault(candidate => candidate.BillingTerm == subscription.BillingTerm && candidate.Commitment?.Id == subscription.Commitment?.Id)
            ?? product.Pricing[0];
        var seed = Pax8Ids.StableSeed(subscription.Id, invoiceDate.DayNumber);
        if (product.IsUsageBased)
        {
            var usage = Pax8Money.Round((decimal)(new Random(seed).NextDouble() * 900) + 25);
            yield return InvoiceItem(subscription, product, entry, previousMonth, invoiceDate.AddDays(-1), 1, usage, "subscription", "Arrears", "Usage for " + previousMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture), billedByPax8);
            yield break;
        }

        switch (subscription.BillingTerm)
        {
            case "One-Time" or "Activation":
                if (created >= previousMonth)
                {
                    yield return InvoiceItem(subscription, product, entry, created, created, subscription.Quantity, subscription.Price, "one-time", subscription.BillingTerm, null, billedByPax8);
                }

                yield break;
            case "Annual" or "3-Year" or "2-Year":
                if (subscription.BillingStart.Month == invoiceDate.Month)
                {
                    var months = subscription.BillingTerm == "Annual" ? 12 : subscription.BillingTerm == "2-Year" ? 24 : 36;
                    yield return InvoiceItem(subscription, product, entry, invoiceDate, invoiceDate.AddMonths(months).AddDays(-1), subscription.Quantity, subscription.Price, "subscription", Pax8Rules.TermOfInvoiceItem(subscription.BillingTerm), null, billedByPax8);
                }

                yield break;
            default:
                if (created >= previousMonth && created.Day > 1)
                {
                    var daysInMonth = DateTime.DaysInMonth(previousMonth.Year, previousMonth.Month);
                    var days = daysInMonth - created.Day + 1;
                    var prorated = Pax8Money.Round(subscription.Price * days / daysInMonth);
                    yield return InvoiceItem(subscription, product, entry, created, invoiceDate.AddDays(-1), subscription.Quantity, prorated, "prorate", "Monthly",
                        string.Create(CultureInfo.InvariantCulture, $"Prorated charge for {days} of {daysInMonth} days"), billedByPax8);
                }

                yield return InvoiceItem(subscription, product, entry, invoiceDate, invoiceDate.AddMonths(1).AddDays(-1), subscription.Quantity, subscription.Price, "subscription", "Monthly", null, billedByPax8);
                yield break;
        }
    }

    /// <summary>One invoice (or draft invoice) item; amounts follow from the unit price, cost and quantity.</summary>
    private Pax8InvoiceItem InvoiceItem(Pax8Subscription subscription, Pax8Product product, Pax8PricingEntry entry, DateOnly start, DateOnly end, decimal quantity, decimal unitPrice, string type, string term, string? details, bool billedByPax8) =>
        Pax8Rules.BuildInvoiceItem(store, Pax8Ids.Next(random), subscription, product, entry, start, end, quantity, unitPrice, type, term, details, billedByPax8);

    private void SeedUsageSummaries()
    {
        foreach (var subscription in store.Subscriptions.ToList())
        {
            var product = store.ProductsById[subscription.ProductId];
            if (!product.IsUsageBased || subscription.Status == "Cancelled")
            {
                continue;
            }

            var company = store.CompaniesById[subscription.CompanyId];
            IReadOnlyList<string?> groups = product.Sku == "MST-AZR-PLN-C100"
                ? [.. new[] { "rg-production", "rg-backup", "rg-avd-hosts", "rg-networking" }.Take(random.Next(1, 4))]
                : [company.Name];
            foreach (var group in groups)
            {
                var charges = Pax8Money.Round((decimal)(random.NextDouble() * (product.Sku == "MST-AZR-PLN-C100" ? 2400 : 400)) + 15);
                var start = DateOnly.FromDateTime(subscription.CreatedDate.Value.DateTime);
                store.Add(new Pax8UsageSummary
                {
                    Id = Pax8Ids.Next(random),
                    CompanyId = company.Id,
                    SubscriptionId = subscription.Id,
                    ProductId = product.Id,
                    ResourceGroup = group,
                    VendorName = product.VendorName,
                    CurrentCharges = charges,
                    CurrencyCode = subscription.CurrencyCode,
                    PartnerTotal = Pax8Money.Round(charges * 0.85m),
                    IsTrial = false,
                    UsageStart = start > store.Anchor.AddMonths(-2) ? start : store.Anchor.AddMonths(-2),
                });
            }
        }
    }
}
