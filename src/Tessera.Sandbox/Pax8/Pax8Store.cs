namespace Tessera.Sandbox.Pax8;

/// <summary>
/// The in-memory state of the Pax8 sandbox. One lock (<see cref="Sync"/>) guards every collection: handlers take it
/// for the whole read or write, which keeps the code simple and is plenty for a sandbox.
/// </summary>
internal sealed class Pax8Store
{
    private readonly Random runtimeRandom;
    private long contactSequence;

    public Pax8Store(int seed, TimeProvider timeProvider, DateOnly anchor)
    {
        Seed = seed;
        TimeProvider = timeProvider;
        Anchor = anchor;

        // Ids of records created at run time come from their own seeded stream, so a replayed tour gets the same ids.
        runtimeRandom = new Random(unchecked((seed * 7919) + 17));
    }

    public Lock Sync { get; } = new();

    public int Seed { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The first day of the month the data was seeded for; seeded dates are relative to it.</summary>
    public DateOnly Anchor { get; }

    public string PartnerName { get; set; } = "Northpoint IT Solutions";

    public List<Pax8Company> Companies { get; } = [];

    public Dictionary<Guid, Pax8Company> CompaniesById { get; } = [];

    public List<Pax8Product> Products { get; } = [];

    public Dictionary<Guid, Pax8Product> ProductsById { get; } = [];

    public List<Pax8Order> Orders { get; } = [];

    public Dictionary<Guid, Pax8Order> OrdersById { get; } = [];

    public List<Pax8Subscription> Subscriptions { get; } = [];

    public Dictionary<Guid, Pax8Subscription> SubscriptionsById { get; } = [];

    public List<Pax8Invoice> Invoices { get; } = [];

    public Dictionary<Guid, Pax8Invoice> InvoicesById { get; } = [];

    public List<Pax8UsageSummary> UsageSummaries { get; } = [];

    public Dictionary<Guid, Pax8UsageSummary> UsageSummariesById { get; } = [];

    public List<string> CreatedOrderIds { get; } = [];

    /// <summary>The partner's account, which owns every webhook (derived, so seeded data is unchanged).</summary>
    public Guid AccountId { get; } = Pax8Ids.FromName("account|partner");

    public List<Pax8Webhook> Webhooks { get; } = [];

    public List<Pax8WebhookLog> WebhookLogs { get; } = [];

    public List<string> CreatedCompanyIds { get; } = [];

    public int MockOrderValidations { get; set; }

    public List<(string Method, string Path, int Status)> RequestLog { get; } = [];

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public Guid NewId() => Pax8Ids.Next(runtimeRandom);

    public long NextContactSequence() => ++contactSequence;

    public void Add(Pax8Company company)
    {
        Companies.Add(company);
        CompaniesById.Add(company.Id, company);
    }

    public void Add(Pax8Product product)
    {
        Products.Add(product);
        ProductsById.Add(product.Id, product);
    }

    public void Add(Pax8Order order)
    {
        Orders.Add(order);
        OrdersById.Add(order.Id, order);
    }

    public void Add(Pax8Subscription subscription)
    {
        Subscriptions.Add(subscription);
        SubscriptionsById.Add(subscription.Id, subscription);
    }

    public void Add(Pax8Invoice invoice)
    {
        Invoices.Add(invoice);
        InvoicesById.Add(invoice.Id, invoice);
    }

    public void Add(Pax8UsageSummary summary)
    {
        UsageSummaries.Add(summary);
        UsageSummariesById.Add(summary.Id, summary);
    }
}
