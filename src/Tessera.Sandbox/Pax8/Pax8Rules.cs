namespace Tessera.Sandbox.Pax8;

/// <summary>Rules shared by the seed data and the handlers, so seeded and newly created records look alike.</summary>
internal static class Pax8Rules
{
    /// <summary>Phone fields of a contact (D3): <c>phoneNumber</c> without the country prefix, country and calling code.</summary>
    public static (string PhoneNumber, string CountryCode, string CallingCode) SplitPhone(string phone, string country)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        var callingCode = country == "GB" ? "44" : "1";
        if (phone.StartsWith('+') && digits.StartsWith(callingCode, StringComparison.Ordinal))
        {
            digits = digits[callingCode.Length..];
        }

        return (digits, country is "US" or "CA" or "GB" ? country : "US", callingCode);
    }

    /// <summary>Invoice items spell multi-year terms with a space (<c>3 Year</c>), unlike billing terms (<c>3-Year</c>).</summary>
    public static string TermOfInvoiceItem(string billingTerm) => billingTerm switch
    {
        "3-Year" => "3 Year",
        "2-Year" => "2 Year",
        _ => billingTerm,
    };

    /// <summary>The invoice item rate type of a product's pricing; D4: flat pricing is written <c>Flat</c>, the others lowercase.</summary>
    public static string RateTypeOf(Pax8Product product, Pax8PricingEntry entry) =>
        entry.Rates[0].ChargeType == "Flat Rate" ? "single" : product.PricingType switch
        {
            "Flat" => "Flat", // D4: capitalised on the wire
            "Volume" => "volume",
            "Tiered" => "tiered",
            _ => "markup",
        };

    /// <summary>The rate that applies to a quantity (the band whose range starts at or below it).</summary>
    public static Pax8Rate RateFor(Pax8PricingEntry entry, decimal quantity) =>
        entry.Rates.LastOrDefault(rate => rate.StartQuantityRange <= quantity) ?? entry.Rates[0];

    /// <summary>One invoice (or draft invoice) item; amounts follow from the unit price, cost ratio and quantity.</summary>
    public static Pax8InvoiceItem BuildInvoiceItem(Pax8Store store, Guid id, Pax8Subscription subscription, Pax8Product product, Pax8PricingEntry entry, DateOnly start, DateOnly end, decimal quantity, decimal unitPrice, string type, string term, string? details, bool billedByPax8)
    {
        var company = store.CompaniesById[subscription.CompanyId];
        var costRatio = subscription.Price == 0 ? 0.85m : subscription.PartnerCost / subscription.Price;
        var unitCost = Pax8Money.Round(unitPrice * costRatio);
        var subTotal = Pax8Money.Round(unitPrice * quantity);
        var costTotal = Pax8Money.Round(unitCost * quantity);
        var billingFeeRate = billedByPax8 ? 0.03m : 0m;
        var billingFee = Pax8Money.Round(subTotal * billingFeeRate);
        var total = subTotal + billingFee;
        var amountDue = billedByPax8 ? total : costTotal;
        var taxRate = billedByPax8 ? company.Address.StateOrProvince switch
        {
            "CO" or "Colorado" => 0.029m,
            "TX" => 0.0625m,
            "WA" => 0.065m,
            "ON" or "Ontario" => 0.13m,
            _ => 0m,
        } : 0m;
        return new Pax8InvoiceItem
        {
            Id = id,
            PurchaseOrderNumber = "N/A",
            Type = type,
            CompanyId = company.Id,
            ExternalId = company.ExternalId,
            CompanyName = company.Name,
            StartPeriod = start,
            EndPeriod = end,
            Quantity = quantity,
            UnitOfMeasure = product.UnitOfMeasure,
            Term = term,
            Sku = product.Sku,
            Description = product.Name,
            Details = details,
            RateType = RateTypeOf(product, entry),
            ChargeType = entry.Rates[0].ChargeType == "Flat Rate" ? "flat" : "per",
            Price = unitPrice,
            SubTotal = subTotal,
            Cost = unitCost,
            CostTotal = costTotal,
            OfferedBy = "Pax8",
            BilledByPax8 = billedByPax8,
            Total = total,
            ProductId = product.Id,
            ProductName = product.Name,
            BillingFee = billingFee,
            BillingFeeRate = billingFeeRate,
            AmountDue = amountDue,
            CurrencyCode = billedByPax8 ? subscription.CurrencyCode : "USD",
            SalesTax = Pax8Money.Round(amountDue * taxRate),
            SubscriptionId = subscription.Id,
            VendorName = product.VendorName,
        };
    }
}
