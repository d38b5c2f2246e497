using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;

namespace Tessera.Pax8.Tests.Models;

/// <summary>
/// The client reads what the real API sends, not only what Pax8 documents: one test per recorded
/// discrepancy (ids as in specs/pax8.yaml and reference pax8.md §3.19), through the real
/// deserialization path of the generated client.
/// </summary>
public sealed class DiscrepancyTests
{
    private static Pax8Client ClientAnswering(string payload) =>
        TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read(payload))).Client;

    [Fact]
    public async Task D1_subscription_commitment_is_read_from_either_key()
    {
        var subscription = await ClientAnswering("subscription").FindSubscriptionBySubscriptionIdAsync(OperationCases.SubscriptionId);

        subscription.Commitment.ShouldNotBeNull();
        subscription.Commitment.Term.ShouldBe("1-Year");
        subscription.CommitmentTerm.ShouldBeNull();
    }

    [Fact]
    public async Task D2_ordered_by_reads_Pax8Partner_and_writes_the_documented_spelling()
    {
        var order = await ClientAnswering("order").FindOrdersByOrderIdAsync(OperationCases.OrderId);

        order.OrderedBy.ShouldBe(OrderedBy.Pax8Partner);
        order.OrderedBy!.Value.Value.ShouldBe("Pax8Partner");
        order.OrderedBy.Value.Canonical.ShouldBe("Pax8 Partner");
        Newtonsoft.Json.JsonConvert.SerializeObject(new CreateOrder { CompanyId = order.CompanyId, OrderedBy = order.OrderedBy, LineItems = [] })
            .ShouldContain("\"orderedBy\":\"Pax8 Partner\"");
    }

    [Fact]
    public async Task D3_contact_phone_fields_are_read_in_both_spellings()
    {
        var contacts = await ClientAnswering("contact-page").FindContactsAsync(OperationCases.CompanyId);

        contacts.Content[0].PhoneNumber.ShouldBe("3035550101");
        contacts.Content[0].PhoneCountryCode.ShouldBe("US");
        contacts.Content[0].PhoneCountryCallingCode.ShouldBe("1");
        contacts.Content[1].PhoneCountryCallingCode.ShouldBe("1", "the README's 'phoneCountryCallingcode' spelling");
    }

    [Fact]
    public async Task D4_rate_type_matches_in_any_case_and_unknown_values_survive()
    {
        var items = (await ClientAnswering("invoice-item-page").FindPartnerInvoiceItemsAsync(OperationCases.InvoiceId)).Content;

        items[0].RateType.ShouldBe(InvoiceItemRateType.Flat);
        items[0].RateType!.Value.Value.ShouldBe("Flat");
        items[1].Term.ShouldBe(InvoiceItemTerm.OneTime);
        items[2].Type!.Value.IsKnown.ShouldBeFalse();
        items[2].Type!.Value.Value.ShouldBe("loyalty-credit");
    }

    [Fact]
    public async Task D5_usage_lines_are_paged()
    {
        var client = ClientAnswering("usage-line-page");

        var lines = await client.FindUsageLinesAsync(new DateTimeOffset(2024, 7, 14, 0, 0, 0, TimeSpan.Zero), OperationCases.UsageSummaryId, page: 0, size: 10);

        lines.Page.TotalPages.ShouldBe(4);
        lines.Content[0].Quantity.ShouldBe(23.75m);
    }

    [Fact]
    public async Task D6_invoice_status_is_read_including_Credited()
    {
        var invoices = (await ClientAnswering("invoice-page").FindPartnerInvoicesAsync()).Content;

        invoices.Select(i => i.Status).ShouldBe([Pax8InvoiceStatus.Unpaid, Pax8InvoiceStatus.Credited]);
    }

    [Fact]
    public async Task D7_usage_summary_carries_subscription_id_and_may_omit_company_id()
    {
        var summary = await ClientAnswering("usage-summary").FindSubscriptionUsageSummaryAsync(OperationCases.UsageSummaryId);

        summary.SubscriptionId.ShouldBe(OperationCases.SubscriptionId);
        summary.CompanyId.ShouldBeNull();
    }

    [Fact]
    public async Task D10_provisioning_detail_carries_partner_shell_template_id()
    {
        var details = await ClientAnswering("provisioning-details").FindProvisionDetailsByProductIdAsync(OperationCases.ProductId);

        details.Content[0].PartnerShellTemplateId.ShouldBe(1042);
        details.Content[0].PossibleValues.ShouldBeNull();
        details.Content[1].ValueType.ShouldBe(ProvisioningValueType.SingleValue);
    }

    [Fact]
    public async Task D11_order_status_is_read()
    {
        var order = await ClientAnswering("order").FindOrdersByOrderIdAsync(OperationCases.OrderId);

        order.Status.ShouldBe(OrderStatus.Completed);
    }

    [Fact]
    public async Task D14_company_list_items_may_omit_phone_and_order_approval()
    {
        var companies = (await ClientAnswering("company-page").FindCompaniesAsync()).Content;

        companies[1].Phone.ShouldBeNull();
        companies[1].OrderApprovalRequired.ShouldBeNull();
        companies[1].Status.ShouldBe(CompanyStatus.Inactive);
    }

    [Fact]
    public async Task D15_dates_with_colonless_offsets_and_date_only_values_are_read()
    {
        var company = await ClientAnswering("company").FindCompanyByIdAsync(OperationCases.CompanyId);
        var subscription = await ClientAnswering("subscription").FindSubscriptionBySubscriptionIdAsync(OperationCases.SubscriptionId);

        company.UpdatedDate.ShouldBe(new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)));
        subscription.StartDate.ShouldBe(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.FromHours(-7)));
        subscription.EndDate.ShouldBe(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.Zero));
        subscription.CreatedDate.ShouldBe(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Unknown_fields_are_kept_not_rejected()
    {
        var company = await ClientAnswering("company").FindCompanyByIdAsync(OperationCases.CompanyId);

        company.AdditionalProperties.ShouldContainKey("someNewField");
    }

    [Fact]
    public async Task Fractional_quantities_and_money_are_decimal()
    {
        var subscriptions = (await ClientAnswering("subscription-page").FindSubscriptionsAsync()).Content;

        subscriptions[1].Quantity.ShouldBe(3.5m);
        subscriptions[0].Price.ShouldBe(22.0m);
        subscriptions[1].Commitment.ShouldBeNull();
    }
}
