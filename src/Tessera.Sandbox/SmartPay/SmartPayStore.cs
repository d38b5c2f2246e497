using System.Globalization;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// The in-memory state of the SmartPay sandbox. One lock (<see cref="Sync"/>) guards every collection: handlers hold it
/// for a whole read or write, and release it before any outgoing webhook call.
/// </summary>
internal sealed class SmartPayStore
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Random runtimeRandom;
    private readonly Dictionary<string, int> postsByWebhook = new(StringComparer.Ordinal);

    public SmartPayStore(int seed, TimeProvider timeProvider, DateOnly anchor)
    {
        TimeProvider = timeProvider;
        Anchor = anchor;

        // Ids of records created at run time come from their own seeded stream, so a replayed tour gets the same ids.
        runtimeRandom = new Random(unchecked((seed * 7919) + 29));
    }

    public Lock Sync { get; } = new();

    public TimeProvider TimeProvider { get; }

    /// <summary>The first day of the month the data was seeded for; seeded dates lie before it.</summary>
    public DateOnly Anchor { get; }

    public List<SmartPayConsumer> Consumers { get; } = [];

    public Dictionary<string, SmartPayConsumer> ConsumersById { get; } = new(StringComparer.Ordinal);

    public List<SmartPayOrder> Orders { get; } = [];

    public Dictionary<string, SmartPayOrder> OrdersById { get; } = new(StringComparer.Ordinal);

    public List<SmartPayInvoice> Invoices { get; } = [];

    public Dictionary<string, SmartPayInvoice> InvoicesById { get; } = new(StringComparer.Ordinal);

    public List<SmartPayWebhook> Webhooks { get; } = [];

    public List<string> CreatedConsumerIds { get; } = [];

    public List<string> CreatedWebhookIds { get; } = [];

    public List<SmartPayDelivery> Deliveries { get; } = [];

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>A SmartPay-style id: mixed-case alphanumeric (the docs show <c>aBc123</c>).</summary>
    public static string NewId(Random random, int length = 10)
    {
        return string.Create(length, random, static (span, rng) =>
        {
            for (var index = 0; index < span.Length; index++)
            {
                span[index] = IdAlphabet[rng.Next(IdAlphabet.Length)];
            }
        });
    }

    /// <summary>A fresh id for a record created at run time, unique across every kind of record.</summary>
    public string NewRuntimeId()
    {
        while (true)
        {
            var id = NewId(runtimeRandom);
            if (!ConsumersById.ContainsKey(id) && !OrdersById.ContainsKey(id) && !InvoicesById.ContainsKey(id)
                && !Webhooks.Exists(webhook => webhook.Id == id))
            {
                return id;
            }
        }
    }

    public void Add(SmartPayConsumer consumer)
    {
        Consumers.Add(consumer);
        ConsumersById.Add(consumer.Id, consumer);
    }

    public void Add(SmartPayOrder order)
    {
        Orders.Add(order);
        OrdersById.Add(order.Id, order);
    }

    public void Add(SmartPayInvoice invoice)
    {
        Invoices.Add(invoice);
        InvoicesById.Add(invoice.Id, invoice);
        OrdersById[invoice.OrderId].Invoices.Add(invoice);
    }

    public SmartPayWebhook? FindWebhook(string id) => Webhooks.Find(webhook => webhook.Id == id);

    public int OrderCountOf(string consumerId) => Orders.Count(order => order.ConsumerId == consumerId);

    public decimal AmountPurchasedBy(string consumerId) =>
        Invoices.Where(invoice => invoice.ConsumerId == consumerId && invoice.CountsAsPurchased).Sum(invoice => invoice.AmountDiscounted);

    /// <summary>Numbers the POSTs to a webhook (1-based); called under <see cref="Sync"/>.</summary>
    public int NextAttempt(string webhookId)
    {
        postsByWebhook.TryGetValue(webhookId, out var count);
        postsByWebhook[webhookId] = ++count;
        return count;
    }

    /// <summary>The wire form of a timestamp: <c>YYYY-MM-DD HH:MM:SS</c> in UTC.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Parses a <c>YYYY-MM-DD HH:MM:SS</c> UTC timestamp (the only form the spec allows).</summary>
    public static bool TryParseTimestamp(string value, out DateTimeOffset result)
    {
        if (DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            result = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Truncates to whole seconds (the wire precision), so stored and written times agree.</summary>
    public static DateTimeOffset ToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
