namespace Tessera.Sandbox.SmartPay;

/// <summary>A consumer (someone the merchant collects payments from).</summary>
internal sealed class SmartPayConsumer
{
    public required string Id { get; init; }

    public string? CustomId { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public required string Email { get; set; }

    public required string Phone { get; set; }

    public required string StreetAddress { get; set; }

    public required string City { get; set; }

    public required string ProvinceState { get; set; }

    public required string Country { get; set; }

    public required string PostalCode { get; set; }

    public bool IsDummy { get; init; }

    public DateTimeOffset CreatedOn { get; init; }

    public string Name => FirstName + " " + LastName;
}

/// <summary>An order: a grouping of invoices, with the legacy (original v1.2) amounts kept for <c>modify_order</c>.</summary>
internal sealed class SmartPayOrder
{
    public required string Id { get; init; }

    public string? CustomId { get; set; }

    public required string ConsumerId { get; init; }

    public required string PaymentMethod { get; init; }

    public bool IsDummy { get; init; }

    public bool IsEnabled { get; set; } = true;

    public decimal SingleAmount { get; init; }

    public decimal SingleAmountDiscounted { get; init; }

    public decimal? RecurringAmount { get; set; }

    public decimal? RecurringAmountDiscounted { get; set; }

    public DateTimeOffset CreatedOn { get; init; }

    public List<SmartPayInvoice> Invoices { get; } = [];
}

/// <summary>An invoice: an amount to collect, when it was paid and whether payment failed.</summary>
internal sealed class SmartPayInvoice
{
    public required string Id { get; init; }

    public required string OrderId { get; init; }

    public required string ConsumerId { get; init; }

    public decimal Amount { get; init; }

    public decimal AmountDiscounted { get; init; }

    public required string PaymentMethod { get; init; }

    public bool IsDummy { get; init; }

    public bool IsEnabled { get; set; } = true;

    public DateTimeOffset? DatePaid { get; set; }

    public DateTimeOffset? DateFailed { get; set; }

    /// <summary>Cancelled after payment: the amount was refunded (no longer counts as purchased).</summary>
    public bool Refunded { get; set; }

    public DateTimeOffset CreatedOn { get; init; }

    /// <summary>Paid and kept: the amount counts towards the consumer's <c>amount_purchased</c>.</summary>
    public bool CountsAsPurchased => DatePaid is not null && IsEnabled && !Refunded;
}

/// <summary>A webhook subscription and its delivery health.</summary>
internal sealed class SmartPayWebhook
{
    public required string Id { get; init; }

    public required string Topic { get; init; }

    public required string Url { get; set; }

    public bool IsEnabled { get; set; } = true;

    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset CreatedOn { get; init; }
}

/// <summary>One POST of a notification (or test ping) to a webhook URL, as the sandbox logs it.</summary>
/// <param name="WebhookId">The webhook the notification was sent for.</param>
/// <param name="Topic">The <c>X-SmartPay-Topic</c> header.</param>
/// <param name="Url">Where it was POSTed.</param>
/// <param name="Status">The receiver's HTTP status; 0 when it timed out or could not be reached.</param>
/// <param name="Attempt">1-based number of this POST among all POSTs to the webhook (pings included).</param>
/// <param name="SignatureValid">Whether the signature verifies with the api_key.</param>
internal sealed record SmartPayDelivery(string WebhookId, string Topic, string Url, int Status, int Attempt, bool SignatureValid)
{
    public bool Succeeded => Status == 200;

    public (string WebhookId, string Topic, string Url, int Status, int Attempt, bool SignatureValid) ToTuple() =>
        (WebhookId, Topic, Url, Status, Attempt, SignatureValid);
}
