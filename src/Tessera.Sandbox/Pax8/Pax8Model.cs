using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

// The sandbox's in-memory records. They are shaped after the spec's schemas but are not wire types: Pax8Json writes
// them with explicit wire names, which is where the documented discrepancies (D1-D15) are exhibited.

/// <summary>How a date-time is written on the wire; Pax8 mixes these forms (D15).</summary>
internal enum WireDateStyle
{
    /// <summary><c>2023-08-11T11:33:12.314-0600</c>: offset without a colon, as Pax8 sends it.</summary>
    ColonlessOffset,

    /// <summary><c>2020-11-18</c>: a date only, in a field the docs call a date-time.</summary>
    DateOnly,

    /// <summary><c>2021-01-01T08:30:00Z</c>: RFC 3339 in UTC.</summary>
    Utc,
}

/// <summary>An instant plus the form it is written in.</summary>
internal readonly record struct WireDateTime(DateTimeOffset Value, WireDateStyle Style);

internal sealed class Pax8Address
{
    public required string Street { get; set; }
    public string? Street2 { get; set; }
    public required string City { get; set; }
    public required string StateOrProvince { get; set; }
    public required string PostalCode { get; set; }
    public required string Country { get; set; }
}

internal sealed class Pax8Company
{
    public required Guid Id { get; init; }
    public required string Name { get; set; }
    public required Pax8Address Address { get; set; }
    public string? Phone { get; set; }
    public required string Website { get; set; }
    public string? ExternalId { get; set; }
    public bool BillOnBehalfOfEnabled { get; set; }
    public bool SelfServiceAllowed { get; set; }
    public bool OrderApprovalRequired { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset UpdatedDate { get; set; }

    /// <summary>
    /// D14: list responses leave <c>phone</c> out for some companies, as Pax8's list example does. The example also
    /// leaves out <c>orderApprovalRequired</c>, but the real API sends it (py-pax8's strict <c>Company</c> requires it),
    /// so the sandbox always does.
    /// </summary>
    public bool ListOmitsPhone { get; init; }

    public List<Pax8Contact> Contacts { get; } = [];

    public string CurrencyCode => Address.Country switch
    {
        "CA" => "CAD",
        "GB" => "GBP",
        _ => "USD",
    };
}

internal sealed record Pax8ContactRole(string Type, bool Primary);

internal sealed class Pax8Contact
{
    public required Guid Id { get; init; }
    public required Guid CompanyId { get; init; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string? PhoneNumber { get; set; }
    public string? PhoneCountryCode { get; set; }
    public string? PhoneCountryCallingCode { get; set; }
    public DateOnly CreatedDate { get; init; }

    /// <summary>Creation order, so contacts list newest first even when created on the same day.</summary>
    public long Sequence { get; init; }

    public List<Pax8ContactRole> Types { get; set; } = [];
}

internal sealed class Pax8ProvisioningQuestion
{
    public required string Label { get; init; }
    public required string Key { get; init; }
    public string? Description { get; init; }
    public required string ValueType { get; init; }
    public IReadOnlyList<string>? PossibleValues { get; init; }
    public long? PartnerShellTemplateId { get; init; }
}

internal sealed class Pax8CommitmentTerm
{
    public required Guid Id { get; init; }
    public required string Term { get; init; }
    public int Months { get; init; }
    public bool AutoRenew { get; init; }
    public int RenewalWindowDaysBeforeTermEnd { get; init; }
    public int RenewalWindowDaysAfterTermEnd { get; init; }
    public bool AllowForQuantityIncrease { get; init; }
    public bool AllowForQuantityDecrease { get; init; }
    public bool AllowForEarlyCancellation { get; init; }
    public bool CancellationFeeApplied { get; init; }
    public bool IsTransferable { get; init; }
}

internal sealed record Pax8Rate(decimal PartnerBuyRate, decimal SuggestedRetailPrice, decimal StartQuantityRange, decimal? EndQuantityRange, string ChargeType);

internal sealed class Pax8PricingEntry
{
    public required string BillingTerm { get; init; }
    public Pax8CommitmentTerm? Commitment { get; init; }
    public required string Type { get; init; }
    public required string UnitOfMeasurement { get; init; }
    public required IReadOnlyList<Pax8Rate> Rates { get; init; }
}

internal sealed class Pax8Product
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string VendorName { get; init; }
    public required string ShortDescription { get; init; }
    public required string Description { get; init; }
    public required string Sku { get; init; }
    public string? VendorSku { get; init; }
    public Guid? AltVendorSku { get; init; }
    public bool RequiresCommitment { get; init; }
    public bool IsUsageBased { get; init; }
    public required string UnitOfMeasure { get; init; }
    public required string PricingType { get; init; }
    public List<Pax8ProvisioningQuestion> ProvisioningDetails { get; } = [];
    public List<Pax8CommitmentTerm> Commitments { get; } = [];
    public List<Pax8PricingEntry> Pricing { get; } = [];

    /// <summary>Products one of which must already be subscribed (add-ons).</summary>
    public List<Pax8Product> Requires { get; } = [];

    /// <summary>Meters reported in usage lines of usage-based products.</summary>
    public IReadOnlyList<(string Name, string Unit, decimal UnitPrice)> Meters { get; init; } = [];

    public bool IsAddOn => Requires.Count > 0;
}

internal sealed class Pax8LineItem
{
    public required Guid Id { get; init; }
    public required Guid ProductId { get; init; }
    public Guid? SubscriptionId { get; set; }
    public Guid? CommitmentTermId { get; init; }
    public DateTimeOffset? ProvisionStartDate { get; init; }
    public required string BillingTerm { get; init; }
    public decimal Quantity { get; init; }
}

internal sealed class Pax8Order
{
    public required Guid Id { get; init; }
    public required Guid CompanyId { get; init; }
    public DateOnly CreatedDate { get; init; }

    /// <summary>As read back on the wire: partner orders are <c>Pax8Partner</c> (D2).</summary>
    public required string OrderedBy { get; init; }
    public Guid? OrderedByUserId { get; init; }
    public string? OrderedByUserEmail { get; init; }
    public required string Status { get; set; }
    public List<Pax8LineItem> LineItems { get; } = [];
}

internal sealed record Pax8SubscriptionCommitment(Guid Id, string Term, WireDateTime EndDate);

internal sealed class Pax8Subscription
{
    public required Guid Id { get; init; }
    public Guid? ParentSubscriptionId { get; init; }
    public required Guid CompanyId { get; init; }
    public required Guid ProductId { get; init; }
    public string? VendorSubscriptionId { get; init; }
    public string? VendorSkuId { get; init; }
    public decimal Quantity { get; set; }
    public WireDateTime StartDate { get; set; }
    public WireDateTime? EndDate { get; set; }
    public WireDateTime CreatedDate { get; init; }
    public WireDateTime? UpdatedDate { get; set; }
    public DateOnly BillingStart { get; set; }
    public required string Status { get; set; }
    public decimal Price { get; set; }
    public required string CurrencyCode { get; init; }
    public decimal PartnerCost { get; set; }
    public required string ProductName { get; init; }
    public required string BillingTerm { get; set; }
    public Pax8SubscriptionCommitment? Commitment { get; init; }

    /// <summary>Snapshots of the subscription, one per change, oldest first (GET .../history).</summary>
    public List<JsonObject> History { get; } = [];
}

internal sealed class Pax8InvoiceItem
{
    public required Guid Id { get; init; }
    public string? PurchaseOrderNumber { get; init; }
    public required string Type { get; init; }
    public required Guid CompanyId { get; init; }
    public string? ExternalId { get; init; }
    public required string CompanyName { get; init; }
    public DateOnly StartPeriod { get; init; }
    public DateOnly EndPeriod { get; init; }
    public decimal Quantity { get; init; }
    public required string UnitOfMeasure { get; init; }
    public required string Term { get; init; }
    public required string Sku { get; init; }
    public required string Description { get; init; }
    public string? Details { get; init; }
    public required string RateType { get; init; }
    public required string ChargeType { get; init; }
    public decimal Price { get; init; }
    public decimal SubTotal { get; init; }
    public decimal Cost { get; init; }
    public decimal CostTotal { get; init; }
    public required string OfferedBy { get; init; }
    public bool BilledByPax8 { get; init; }
    public decimal Total { get; init; }
    public required Guid ProductId { get; init; }
    public required string ProductName { get; init; }
    public decimal BillingFee { get; init; }
    public decimal BillingFeeRate { get; init; }
    public decimal AmountDue { get; init; }
    public required string CurrencyCode { get; init; }
    public decimal? SalesTax { get; init; }
    public Guid? SubscriptionId { get; init; }
    public string? VendorName { get; init; }
}

internal sealed class Pax8Invoice
{
    public required Guid Id { get; init; }
    public required string Status { get; init; }
    public DateOnly InvoiceDate { get; init; }
    public DateOnly DueDate { get; init; }
    public decimal Balance { get; init; }
    public decimal CarriedBalance { get; init; }
    public decimal Total { get; init; }
    public required string CurrencyCode { get; init; }
    public required string PartnerName { get; init; }
    public Guid? CompanyId { get; init; }
    public string? ExternalId { get; init; }
    public List<Pax8InvoiceItem> Items { get; } = [];
}

internal sealed class Pax8UsageSummary
{
    public required Guid Id { get; init; }
    public required Guid CompanyId { get; init; }
    public required Guid SubscriptionId { get; init; }
    public required Guid ProductId { get; init; }
    public string? ResourceGroup { get; init; }
    public required string VendorName { get; init; }
    public decimal CurrentCharges { get; init; }
    public required string CurrencyCode { get; init; }
    public decimal PartnerTotal { get; init; }
    public bool IsTrial { get; init; }

    /// <summary>First day with usage lines.</summary>
    public DateOnly UsageStart { get; init; }
}

internal sealed record Pax8UsageLine(
    Guid UsageSummaryId,
    DateOnly UsageDate,
    string ProductName,
    Guid ProductId,
    string UnitOfMeasure,
    decimal Quantity,
    decimal CurrentCharges,
    decimal CurrentProfit,
    decimal PartnerTotal,
    decimal UnitPrice,
    string CurrencyCode,
    bool IsTrial);
