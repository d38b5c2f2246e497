using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

/// <summary>The documented differences between Pax8's docs and its wire (x-discrepancy in specs/pax8.yaml) are exhibited.</summary>
public sealed class DiscrepancyTests(SharedSandbox shared) : IClassFixture<SharedSandbox>
{
    private const string ColonlessOffset = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$";
    private const string DateOnly = @"^\d{4}-\d{2}-\d{2}$";

    private TestSandbox TestSandbox => shared.TestSandbox;

    [Fact]
    public async Task D1_subscriptions_carry_commitment_not_commitmentTerm()
    {
        var subscriptions = await TestSandbox.GetAllAsync("subscriptions");

        subscriptions.ShouldAllBe(subscription => subscription.ContainsKey("commitment") && !subscription.ContainsKey("commitmentTerm"));
        var committed = subscriptions.Where(subscription => subscription["commitment"] != null).ToList();
        committed.ShouldNotBeEmpty();
        committed.ShouldAllBe(subscription => subscription["commitment"]!["term"] != null && subscription["commitment"]!["endDate"] != null);
        subscriptions.ShouldContain(subscription => subscription["commitment"] == null); // monthly without commitment: null
    }

    [Fact]
    public async Task D2_partner_orders_read_back_as_Pax8Partner()
    {
        var orders = await TestSandbox.GetAllAsync("orders");

        orders.ShouldContain(order => order["orderedBy"]!.GetValue<string>() == "Pax8Partner");
        orders.ShouldNotContain(order => order["orderedBy"]!.GetValue<string>() == "Pax8 Partner");
    }

    [Fact]
    public async Task D3_contacts_carry_phoneNumber_and_country_codes()
    {
        var company = (await TestSandbox.GetOkAsync("companies?country=GB&size=1"))["content"]![0]!;
        var contact = (await TestSandbox.GetOkAsync($"companies/{company["id"]}/contacts"))["content"]![0]!;

        contact["phone"]!.GetValue<string>().ShouldStartWith("+44 ");
        contact["phoneNumber"]!.GetValue<string>().ShouldMatch(@"^\d{10}$");
        contact["phoneCountryCode"]!.GetValue<string>().ShouldBe("GB");
        contact["phoneCountryCallingCode"]!.GetValue<string>().ShouldBe("44");
    }

    [Fact]
    public async Task D4_invoice_items_have_capitalised_Flat_among_lowercase_rate_types()
    {
        var invoice = (await TestSandbox.GetOkAsync("invoices?size=1"))["content"]![0]!;
        var items = await TestSandbox.GetAllAsync($"invoices/{invoice["id"]}/items");
        var rateTypes = items.Select(item => item["rateType"]!.GetValue<string>()).Distinct().ToList();

        rateTypes.ShouldContain("Flat");
        rateTypes.ShouldContain(rateType => rateType == rateType.ToLowerInvariant());
    }

    [Fact]
    public async Task D6_D11_invoices_and_orders_carry_status()
    {
        (await TestSandbox.GetAllAsync("invoices")).ShouldAllBe(invoice => invoice["status"] != null);
        (await TestSandbox.GetAllAsync("orders")).ShouldAllBe(order => order["status"] != null);
    }

    [Fact]
    public async Task D7_usage_summaries_via_a_subscription_omit_companyId_but_carry_subscriptionId()
    {
        var subscription = (await TestSandbox.GetAllAsync("subscriptions?status=Active")).First(item => item["productName"]!.GetValue<string>() == "Microsoft Azure Plan");
        var listed = (await TestSandbox.GetOkAsync($"subscriptions/{subscription["id"]}/usage-summaries"))["content"]![0]!.AsObject();

        listed.ContainsKey("companyId").ShouldBeFalse();
        listed["subscriptionId"]!.GetValue<string>().ShouldBe(subscription["id"]!.GetValue<string>());
        var single = await TestSandbox.GetOkAsync($"usage-summaries/{listed["id"]}");
        single["companyId"]!.GetValue<string>().ShouldBe(subscription["companyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task D10_provisioning_details_carry_partnerShellTemplateId_and_Microsoft_ones_msTenantId()
    {
        var products = await TestSandbox.GetAllAsync("products");
        var acronis = products.First(product => product["name"]!.GetValue<string>() == "Acronis Cyber Protect Cloud");
        var e3 = products.First(product => product["name"]!.GetValue<string>() == "Office 365 E3");

        var acronisDetails = (await TestSandbox.GetOkAsync($"products/{acronis["id"]}/provision-details"))["content"]!.AsArray();
        acronisDetails[0]!["partnerShellTemplateId"]!.GetValue<long>().ShouldBeGreaterThan(0);
        var keys = (await TestSandbox.GetOkAsync($"products/{e3["id"]}/provision-details"))["content"]!.AsArray().Select(detail => detail!["key"]!.GetValue<string>());
        keys.ShouldContain("msDomain");
        keys.ShouldContain("msTenantId");
    }

    [Fact]
    public async Task D14_some_company_list_items_omit_phone_but_reads_by_id_have_it()
    {
        var companies = await TestSandbox.GetAllAsync("companies");
        var omitted = companies.Where(company => !company.ContainsKey("phone")).ToList();

        omitted.ShouldNotBeEmpty();
        omitted.Count.ShouldBeLessThan(companies.Count);
        var single = await TestSandbox.GetOkAsync($"companies/{omitted[0]["id"]}");
        single.ContainsKey("phone").ShouldBeTrue();
    }

    [Fact]
    public async Task D14_every_company_list_item_carries_orderApprovalRequired()
    {
        // Pax8 marks it required and the real API sends it: py-pax8's strict Company (its README example) crashes
        // on a list item without it. Only Pax8's documented list example leaves it out.
        var companies = await TestSandbox.GetAllAsync("companies");

        companies.ShouldAllBe(company => company["orderApprovalRequired"] != null);
    }

    [Fact]
    public async Task D15_dates_use_colonless_offsets_and_date_only_values()
    {
        var company = (await TestSandbox.GetOkAsync("companies?size=1"))["content"]![0]!;
        company["updatedDate"]!.GetValue<string>().ShouldMatch(ColonlessOffset);

        var subscriptions = await TestSandbox.GetAllAsync("subscriptions");
        subscriptions.ShouldContain(subscription => System.Text.RegularExpressions.Regex.IsMatch(subscription["createdDate"]!.GetValue<string>(), ColonlessOffset));
        subscriptions.ShouldContain(subscription => System.Text.RegularExpressions.Regex.IsMatch(subscription["createdDate"]!.GetValue<string>(), DateOnly));
        subscriptions.ShouldContain(subscription => System.Text.RegularExpressions.Regex.IsMatch(subscription["startDate"]!.GetValue<string>(), DateOnly));
        subscriptions.ShouldContain(subscription => System.Text.RegularExpressions.Regex.IsMatch(subscription["startDate"]!.GetValue<string>(), ColonlessOffset));
        subscriptions.Where(subscription => subscription["endDate"] != null).ShouldAllBe(subscription => System.Text.RegularExpressions.Regex.IsMatch(subscription["endDate"]!.GetValue<string>(), DateOnly));
    }

    [Fact]
    public async Task Pricing_is_company_specific_when_a_company_is_given()
    {
        var product = (await TestSandbox.GetAllAsync("products?vendorName=Microsoft"))[0];
        var companies = await TestSandbox.GetAllAsync("companies");
        var general = (await TestSandbox.GetOkAsync($"products/{product["id"]}/pricing"))["content"]!.AsArray();
        var prices = new HashSet<decimal>();
        foreach (var company in companies.Take(20))
        {
            var specific = (await TestSandbox.GetOkAsync($"products/{product["id"]}/pricing?companyId={company["id"]}"))["content"]!.AsArray();
            specific.Count.ShouldBe(general.Count);
            prices.Add(specific[0]!["rates"]![0]!["suggestedRetailPrice"]!.GetValue<decimal>());
        }

        prices.Count.ShouldBeGreaterThan(1);
        general.ShouldAllBe(entry => entry!["rates"]!.AsArray().Count > 0);
    }

    [Fact]
    public async Task Pricing_covers_flat_volume_and_tiered_products()
    {
        var types = new HashSet<string>();
        foreach (var product in await TestSandbox.GetAllAsync("products"))
        {
            foreach (var entry in (await TestSandbox.GetOkAsync($"products/{product["id"]}/pricing"))["content"]!.AsArray())
            {
                types.Add(entry!["type"]!.GetValue<string>());
            }
        }

        types.IsSupersetOf(["Flat", "Volume", "Tiered"]).ShouldBeTrue(string.Join(", ", types));
    }
}
