using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>
/// Writes the sandbox records as Pax8 wire JSON. Property names are spelled out here, as the spec names them, so the
/// wire shape is visible in one place. Optional values that are absent are left out rather than written as null,
/// except where the spec declares the property nullable and Pax8 is known to send null.
/// </summary>
internal static class Pax8Json
{
    /// <summary>Serializer settings of every response: compact, and '+' or '&amp;' written as themselves, not as \u escapes.</summary>
    public static readonly JsonSerializerOptions WireOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="body"/> as the JSON response.</summary>
    public static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(WireOptions), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 with a colon in the offset (<c>2024-12-20T17:53:50.460+00:00</c>), as in the token response.</summary>
    public static string IsoDateTime(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>D15: Pax8's own form, the offset without a colon (<c>2023-08-11T11:33:12.314-0600</c>).</summary>
    public static string ColonlessDateTime(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var absolute = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{value:yyyy-MM-dd'T'HH:mm:ss.fff}{sign}{absolute.Hours:00}{absolute.Minutes:00}");
    }

    public static string Write(WireDateTime value) => value.Style switch
    {
        WireDateStyle.DateOnly => Date(DateOnly.FromDateTime(value.Value.DateTime)),
        WireDateStyle.Utc => value.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => ColonlessDateTime(value.Value),
    };

    /// <summary>Pax8 stamps times in Mountain Time (Denver): -0600 in summer, -0700 in winter (approximated by month).</summary>
    public static DateTimeOffset ToMountainTime(DateTimeOffset value)
    {
        var month = value.UtcDateTime.Month;
        var offset = month is >= 4 and <= 10 ? TimeSpan.FromHours(-6) : TimeSpan.FromHours(-7);
        return value.ToOffset(offset);
    }

    public static JsonObject Page(JsonArray content, int size, long totalElements, int number) => new()
    {
        ["content"] = content,
        ["page"] = new JsonObject
        {
            ["size"] = size,
            ["totalElements"] = totalElements,
            ["totalPages"] = (int)((totalElements + size - 1) / size),
            ["number"] = number,
        },
    };

    public static JsonObject Content(JsonArray content) => new() { ["content"] = content };

    public static JsonObject Address(Pax8Address address)
    {
        var json = new JsonObject
        {
            ["street"] = address.Street,
        };
        if (address.Street2 is not null)
        {
            json["street2"] = address.Street2;
        }

        json["city"] = address.City;
        json["stateOrProvince"] = address.StateOrProvince;
        json["postalCode"] = address.PostalCode;
        json["country"] = address.Country;
        return json;
    }

    /// <param name="company">The company.</param>
    /// <param name="asListItem">D14: list items of some companies leave out <c>phone</c> (never <c>orderApprovalRequired</c>).</param>
    public static JsonObject Company(Pax8Company company, bool asListItem)
    {
        var omitPhone = asListItem && company.ListOmitsPhone;
        var json = new JsonObject
        {
            ["id"] = company.Id,
            ["name"] = company.Name,
            ["address"] = Address(company.Address),
        };
        if (!omitPhone && company.Phone is not null)
        {
            json["phone"] = company.Phone;
        }

        json["website"] = company.Website;
        if (company.ExternalId is not null)
        {
            json["externalId"] = company.ExternalId;
        }

        json["billOnBehalfOfEnabled"] = company.BillOnBehalfOfEnabled;
        json["selfServiceAllowed"] = company.SelfServiceAllowed;
        json["orderApprovalRequired"] = company.OrderApprovalRequired;

        json["status"] = company.Status;
        json["updatedDate"] = ColonlessDateTime(ToMountainTime(company.UpdatedDate)); // D15
        return json;
    }

    public static JsonObject Contact(Pax8Contact contact)
    {
        var json = new JsonObject
        {
            ["id"] = contact.Id,
            ["firstName"] = contact.FirstName,
            ["lastName"] = contact.LastName,
            ["email"] = contact.Email,
            ["phone"] = contact.Phone,
            // D3: undocumented phone fields that Pax8 returns next to `phone`.
            ["phoneNumber"] = contact.PhoneNumber,
            ["phoneCountryCode"] = contact.PhoneCountryCode,
            ["phoneCountryCallingCode"] = contact.PhoneCountryCallingCode,
            ["createdDate"] = Date(contact.CreatedDate),
        };
        var types = new JsonArray();
        foreach (var role in contact.Types)
        {
            types.Add(new JsonObject { ["type"] = role.Type, ["primary"] = role.Primary });
        }

        json["types"] = types;
        return json;
    }

    public static JsonObject Product(Pax8Product product, bool withDescription)
    {
        var json = new JsonObject
        {
            ["id"] = product.Id,
            ["name"] = product.Name,
            ["vendorName"] = product.VendorName,
            ["shortDescription"] = product.ShortDescription,
        };
        if (withDescription)
        {
            json["description"] = product.Description;
        }

        json["sku"] = product.Sku;
        json["vendorSku"] = product.VendorSku;
        if (product.AltVendorSku is { } altVendorSku)
        {
            json["altVendorSku"] = altVendorSku;
        }

        json["requiresCommitment"] = product.RequiresCommitment;
        return json;
    }

    public static JsonObject ProvisioningDetail(Pax8ProvisioningQuestion question)
    {
        var json = new JsonObject
        {
            ["label"] = question.Label,
            ["key"] = question.Key,
            ["description"] = question.Description,
            ["valueType"] = question.ValueType,
        };
        if (question.PossibleValues is null)
        {
            json["possibleValues"] = null; // the spec: null when valueType is Input
        }
        else
        {
            json["possibleValues"] = new JsonArray([.. question.PossibleValues.Select(value => (JsonNode?)value)]);
        }

        if (question.PartnerShellTemplateId is { } templateId)
        {
            json["partnerShellTemplateId"] = templateId; // D10
        }

        return json;
    }

    public static JsonObject Commitment(Pax8CommitmentTerm term) => new()
    {
        ["id"] = term.Id,
        ["term"] = term.Term,
        ["autoRenew"] = term.AutoRenew,
        ["renewalWindowDaysBeforeTermEnd"] = term.RenewalWindowDaysBeforeTermEnd,
        ["renewalWindowDaysAfterTermEnd"] = term.RenewalWindowDaysAfterTermEnd,
        ["allowForQuantityIncrease"] = term.AllowForQuantityIncrease,
        ["allowForQuantityDecrease"] = term.AllowForQuantityDecrease,
        ["allowForEarlyCancellation"] = term.AllowForEarlyCancellation,
        ["cancellationFeeApplied"] = term.CancellationFeeApplied,
        ["isTransferable"] = term.IsTransferable,
    };

    public static JsonObject Dependencies(Pax8Product product)
    {
        var commitments = new JsonArray();
        foreach (var term in product.Commitments)
        {
            commitments.Add(Commitment(term));
        }

        var dependencies = new JsonArray();
        if (product.Requires.Count > 0)
        {
            var products = new JsonArray();
            foreach (var required in product.Requires)
            {
                products.Add(Product(required, withDescription: false));
            }

            dependencies.Add(new JsonObject { ["name"] = "Requires", ["products"] = products });
        }

        return new JsonObject
        {
            ["commitmentDependencies"] = commitments,
            ["productDependencies"] = dependencies,
        };
    }

    /// <param name="product">The product.</param>
    /// <param name="entry">The pricing entry.</param>
    /// <param name="retailFactor">Company-specific pricing: the factor applied to the suggested retail price (1 without a company).</param>
    public static JsonObject Pricing(Pax8Product product, Pax8PricingEntry entry, decimal retailFactor)
    {
        var rates = new JsonArray();
        foreach (var rate in entry.Rates)
        {
            rates.Add(new JsonObject
            {
                ["partnerBuyRate"] = rate.PartnerBuyRate,
                ["suggestedRetailPrice"] = Pax8Money.Round(rate.SuggestedRetailPrice * retailFactor),
                ["startQuantityRange"] = rate.StartQuantityRange,
                ["endQuantityRange"] = rate.EndQuantityRange,
                ["chargeType"] = rate.ChargeType,
            });
        }

        return new JsonObject
        {
            ["productId"] = product.Id,
            ["productName"] = product.Name,
            ["billingTerm"] = entry.BillingTerm,
            ["commitmentTerm"] = entry.Commitment?.Term,
            ["commitmentTermInMonths"] = entry.Commitment?.Months,
            ["type"] = entry.Type,
            ["unitOfMeasurement"] = entry.UnitOfMeasurement,
            ["rates"] = rates,
        };
    }

    public static JsonObject Order(Pax8Order order)
    {
        var json = new JsonObject
        {
            ["id"] = order.Id,
            ["companyId"] = order.CompanyId,
            ["createdDate"] = Date(order.CreatedDate),
            ["orderedBy"] = order.OrderedBy, // D2: partner orders read back as "Pax8Partner"
        };
        if (order.OrderedByUserId is { } userId)
        {
            json["orderedByUserId"] = userId;
        }

        if (order.OrderedByUserEmail is not null)
        {
            json["orderedByUserEmail"] = order.OrderedByUserEmail;
        }

        json["isScheduled"] = false;
        json["status"] = order.Status; // D11
        var lineItems = new JsonArray();
        foreach (var item in order.LineItems)
        {
            var line = new JsonObject
            {
                ["id"] = item.Id,
                ["productId"] = item.ProductId,
                ["subscriptionId"] = item.SubscriptionId,
                ["commitmentTermId"] = item.CommitmentTermId,
            };
            if (item.ProvisionStartDate is { } provisionStart)
            {
                line["provisionStartDate"] = Write(new WireDateTime(provisionStart, WireDateStyle.Utc));
            }

            line["billingTerm"] = item.BillingTerm;
            line["quantity"] = item.Quantity;
            lineItems.Add(line);
        }

        json["lineItems"] = lineItems;
        return json;
    }

    public static JsonObject Subscription(Pax8Subscription subscription)
    {
        var json = new JsonObject
        {
            ["id"] = subscription.Id,
        };
        if (subscription.ParentSubscriptionId is { } parentId)
        {
            json["parentSubscriptionId"] = parentId;
        }

        json["companyId"] = subscription.CompanyId;
        json["productId"] = subscription.ProductId;
        if (subscription.VendorSubscriptionId is not null)
        {
            json["vendorSubscriptionId"] = subscription.VendorSubscriptionId;
        }

        if (subscription.VendorSkuId is not null)
        {
            json["vendorSkuId"] = subscription.VendorSkuId;
        }

        json["quantity"] = subscription.Quantity;
        json["startDate"] = Write(subscription.StartDate); // D15: date-time without colon, or a date only
        if (subscription.EndDate is { } endDate)
        {
            json["endDate"] = Write(endDate);
        }

        json["createdDate"] = Write(subscription.CreatedDate);
        if (subscription.UpdatedDate is { } updatedDate)
        {
            json["updatedDate"] = Write(updatedDate);
        }

        json["billingStart"] = Date(subscription.BillingStart);
        json["status"] = subscription.Status;
        json["price"] = subscription.Price;
        json["currencyCode"] = subscription.CurrencyCode;
        json["partnerCost"] = subscription.PartnerCost;
        json["productName"] = subscription.ProductName;
        json["billingTerm"] = subscription.BillingTerm;

        // D1: the wire carries `commitment`, not the documented `commitmentTerm`; null when there is no commitment.
        json["commitment"] = subscription.Commitment is { } commitment
            ? new JsonObject
            {
                ["id"] = commitment.Id,
                ["term"] = commitment.Term,
                ["endDate"] = Write(commitment.EndDate),
            }
            : null;
        return json;
    }

    public static JsonObject Invoice(Pax8Invoice invoice)
    {
        var json = new JsonObject
        {
            ["id"] = invoice.Id,
            ["status"] = invoice.Status, // D6
            ["invoiceDate"] = Date(invoice.InvoiceDate),
            ["dueDate"] = Date(invoice.DueDate),
            ["balance"] = invoice.Balance,
            ["carriedBalance"] = invoice.CarriedBalance,
            ["total"] = invoice.Total,
            ["currencyCode"] = invoice.CurrencyCode,
            ["partnerName"] = invoice.PartnerName,
        };
        if (invoice.CompanyId is { } companyId)
        {
            json["companyId"] = companyId;
            json["externalId"] = invoice.ExternalId;
        }

        return json;
    }

    public static JsonObject InvoiceItem(Pax8InvoiceItem item) => new()
    {
        ["id"] = item.Id,
        ["purchaseOrderNumber"] = item.PurchaseOrderNumber,
        ["type"] = item.Type,
        ["companyId"] = item.CompanyId,
        ["externalId"] = item.ExternalId,
        ["companyName"] = item.CompanyName,
        ["startPeriod"] = Date(item.StartPeriod),
        ["endPeriod"] = Date(item.EndPeriod),
        ["quantity"] = item.Quantity,
        ["unitOfMeasure"] = item.UnitOfMeasure,
        ["term"] = item.Term,
        ["sku"] = item.Sku,
        ["description"] = item.Description,
        ["details"] = item.Details,
        ["rateType"] = item.RateType, // D4: `Flat` capitalised among lowercase values
        ["chargeType"] = item.ChargeType,
        ["price"] = item.Price,
        ["subTotal"] = item.SubTotal,
        ["cost"] = item.Cost,
        ["costTotal"] = item.CostTotal,
        ["offeredBy"] = item.OfferedBy,
        ["billedByPax8"] = item.BilledByPax8,
        ["total"] = item.Total,
        ["productId"] = item.ProductId,
        ["productName"] = item.ProductName,
        ["billingFee"] = item.BillingFee,
        ["billingFeeRate"] = item.BillingFeeRate,
        ["amountDue"] = item.AmountDue,
        ["currencyCode"] = item.CurrencyCode,
        ["salesTax"] = item.SalesTax,
        ["subscriptionId"] = item.SubscriptionId,
        ["vendorName"] = item.VendorName,
    };

    /// <param name="summary">The usage summary.</param>
    /// <param name="includeCompanyId">D7: summaries listed through a subscription leave <c>companyId</c> out.</param>
    public static JsonObject UsageSummary(Pax8UsageSummary summary, bool includeCompanyId)
    {
        var json = new JsonObject
        {
            ["id"] = summary.Id,
        };
        if (includeCompanyId)
        {
            json["companyId"] = summary.CompanyId;
        }

        json["subscriptionId"] = summary.SubscriptionId; // D7: undocumented in the schema, always on the wire
        json["productId"] = summary.ProductId;
        json["resourceGroup"] = summary.ResourceGroup;
        json["vendorName"] = summary.VendorName;
        json["currentCharges"] = summary.CurrentCharges;
        json["currencyCode"] = summary.CurrencyCode;
        json["partnerTotal"] = summary.PartnerTotal;
        json["isTrial"] = summary.IsTrial;
        return json;
    }

    public static JsonObject UsageLine(Pax8UsageLine line) => new()
    {
        ["usageSummaryId"] = line.UsageSummaryId,
        ["usageDate"] = Date(line.UsageDate),
        ["productName"] = line.ProductName,
        ["productId"] = line.ProductId,
        ["unitOfMeasure"] = line.UnitOfMeasure,
        ["quantity"] = line.Quantity,
        ["currentCharges"] = line.CurrentCharges,
        ["currentProfit"] = line.CurrentProfit,
        ["partnerTotal"] = line.PartnerTotal,
        ["unitPrice"] = line.UnitPrice,
        ["currencyCode"] = line.CurrencyCode,
        ["isTrial"] = line.IsTrial,
    };
}

/// <summary>Money arithmetic shared by the seed data and the handlers.</summary>
internal static class Pax8Money
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
