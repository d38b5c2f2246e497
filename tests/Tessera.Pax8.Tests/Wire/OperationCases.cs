using Tessera.Pax8.Tests.Infrastructure;

namespace Tessera.Pax8.Tests.Wire;

/// <summary>One representative call of every operation in specs/pax8.yaml, with the payload its response carries.</summary>
public static class OperationCases
{
    public const string CompanyId = "5c1f8d1e-2b8a-4f6e-9d3a-7a1b2c3d4e5f";
    public const string ContactId = "07b8c9d0-e1f2-4a3b-8c5d-6e7f8091a2b3";
    public const string ProductId = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    public const string OrderId = "c3d4e5f6-a7b8-4c9d-8e1f-2a3b4c5d6e7f";
    public const string SubscriptionId = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e";
    public const string InvoiceId = "d4e5f6a7-b8c9-4d0e-9f2a-3b4c5d6e7f80";
    public const string UsageSummaryId = "e5f6a7b8-c9d0-4e1f-8a3b-4c5d6e7f8091";
    public const string CommitmentId = "f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8091a2";

    public static readonly IReadOnlyDictionary<string, (string? Payload, Func<Pax8Client, Task> Call)> All = new Dictionary<string, (string?, Func<Pax8Client, Task>)>
    {
        ["findCompanies"] = ("company-page", c => c.FindCompaniesAsync(page: 1, size: 50, sort: CompanySort.Name.Descending, city: "Denver", country: "US", stateOrProvince: "CO", postalCode: "80202", selfServiceAllowed: false, billOnBehalfOfEnabled: true, orderApprovalRequired: true, status: CompanyStatus.Active)),
        ["createCompany"] = ("company", c => c.CreateCompanyAsync(NewCompany())),
        ["findCompanyById"] = ("company", c => c.FindCompanyByIdAsync(CompanyId)),
        ["updateCompany"] = ("company", c => c.UpdateCompanyAsync(new CompanyUpdate { Phone = "303-555-0199", OrderApprovalRequired = false }, CompanyId)),
        ["findContacts"] = ("contact-page", c => c.FindContactsAsync(CompanyId, page: 0, size: 25)),
        ["createContact"] = ("contact", c => c.CreateContactAsync(NewContact(), CompanyId)),
        ["findContactById"] = ("contact", c => c.FindContactByIdAsync(CompanyId, ContactId)),
        ["updateContact"] = ("contact", c => c.UpdateContactAsync(NewContactUpdate(), CompanyId, ContactId)),
        ["deleteContact"] = (null, c => c.DeleteContactAsync(CompanyId, ContactId)),
        ["findAllProducts"] = ("product-page", c => c.FindAllProductsAsync(page: 0, size: 200, sort: "vendor,asc", search: "365", vendorName: "Microsoft")),
        ["findProductByProductId"] = ("product-detail", c => c.FindProductByProductIdAsync(ProductId)),
        ["findProvisionDetailsByProductId"] = ("provisioning-details", c => c.FindProvisionDetailsByProductIdAsync(ProductId)),
        ["findProductDependenciesByProductId"] = ("dependencies", c => c.FindProductDependenciesByProductIdAsync(ProductId)),
        ["findPricingByProductId"] = ("pricing", c => c.FindPricingByProductIdAsync(ProductId, companyId: CompanyId)),
        ["findOrders"] = ("order-page", c => c.FindOrdersAsync(page: 0, size: 10, companyId: CompanyId, status: OrderStatus.Completed)),
        ["createOrder"] = ("order", c => c.CreateOrderAsync(NewOrder(), isMock: true)),
        ["findOrdersByOrderId"] = ("order", c => c.FindOrdersByOrderIdAsync(OrderId)),
        ["findSubscriptions"] = ("subscription-page", c => c.FindSubscriptionsAsync(page: 0, size: 100, sort: SubscriptionSort.StartDate.Descending, status: SubscriptionStatus.Active, billingTerm: BillingTerm.Annual, companyId: CompanyId, productId: ProductId)),
        ["findSubscriptionBySubscriptionId"] = ("subscription", c => c.FindSubscriptionBySubscriptionIdAsync(SubscriptionId)),
        ["updateSubscription"] = ("subscription", c => c.UpdateSubscriptionAsync(new SubscriptionUpdate { Quantity = 15, BillingTerm = BillingTerm.Annual }, SubscriptionId)),
        ["cancelSubscription"] = (null, c => c.CancelSubscriptionAsync(SubscriptionId, cancelDate: new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.FromHours(-7)))),
        ["findSubscriptionHistoryBySubscriptionId"] = ("subscription-history", c => c.FindSubscriptionHistoryBySubscriptionIdAsync(SubscriptionId)),
        ["findSubscriptionUsageSummaries"] = ("usage-summary-page", c => c.FindSubscriptionUsageSummariesAsync(SubscriptionId, page: 0, size: 10, sort: "currentCharges,desc", resourceGroup: "rg-prod-eastus", companyId: CompanyId)),
        ["findPartnerInvoices"] = ("invoice-page", c => c.FindPartnerInvoicesAsync(page: 0, size: 10, sort: "invoiceDate,desc", status: Pax8InvoiceStatus.Unpaid, invoiceDateRangeStart: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), invoiceDateRangeEnd: new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero), companyId: CompanyId)),
        ["findPartnerDraftInvoiceItems"] = ("invoice-item-page", c => c.FindPartnerDraftInvoiceItemsAsync(page: 0, size: 10, monthOffset: MonthOffset.CurrentMonth, companyId: CompanyId)),
        ["getPartnerInvoice"] = ("invoice", c => c.GetPartnerInvoiceAsync(InvoiceId)),
        ["findPartnerInvoiceItems"] = ("invoice-item-page", c => c.FindPartnerInvoiceItemsAsync(InvoiceId, page: 0, size: 50)),
        ["findSubscriptionUsageSummary"] = ("usage-summary", c => c.FindSubscriptionUsageSummaryAsync(UsageSummaryId)),
        ["findUsageLines"] = ("usage-line-page", c => c.FindUsageLinesAsync(new DateTimeOffset(2024, 7, 14, 0, 0, 0, TimeSpan.Zero), UsageSummaryId, page: 1, size: 10, productId: ProductId)),
    };

    public static IEnumerable<object[]> Names() => All.Keys.Order(StringComparer.Ordinal).Select(name => new object[] { name });

    public static CompanyCreate NewCompany() => new()
    {
        Name = "Acme Dental Group",
        Address = new Address { Street = "1 Market St", City = "Denver", StateOrProvince = "CO", PostalCode = "80202", Country = "US" },
        Phone = "303-555-0100",
        Website = "acmedental.example",
        ExternalId = "CRM-1001",
        BillOnBehalfOfEnabled = true,
        SelfServiceAllowed = false,
        OrderApprovalRequired = true,
    };

    public static ContactCreate NewContact() => new()
    {
        FirstName = "Dana",
        LastName = "Reyes",
        Email = "dana.reyes@acmedental.example",
        Phone = "+1 303-555-0101",
        Types = [new ContactType { Type = ContactTypeName.Admin, Primary = true }],
    };

    public static ContactUpdate NewContactUpdate() => new()
    {
        FirstName = "Dana",
        LastName = "Reyes",
        Email = "dana.reyes@acmedental.example",
        Phone = "+1 303-555-0101",
        Types = [new ContactType { Type = ContactTypeName.Admin, Primary = true }],
    };

    public static CreateOrder NewOrder() => new()
    {
        CompanyId = CompanyId,
        OrderedBy = OrderedBy.Pax8Partner,
        LineItems =
        [
            new CreateLineItem
            {
                ProductId = ProductId,
                LineItemNumber = 1,
                Quantity = 12,
                BillingTerm = BillingTerm.Annual,
                CommitmentTermId = CommitmentId,
                ProvisionStartDate = new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero),
                ProvisioningDetails = [new ProvisioningDetail { Key = "msDomain", Values = ["acmedental"] }],
            },
        ],
    };
}
