using System.Net;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class FilterTests(SharedSandbox shared) : IClassFixture<SharedSandbox>
{
    private TestSandbox TestSandbox => shared.TestSandbox;

    [Theory]
    [InlineData("city", "Denver", "address.city")]
    [InlineData("country", "CA", "address.country")]
    [InlineData("stateOrProvince", "TX", "address.stateOrProvince")]
    [InlineData("postalCode", "80111", "address.postalCode")]
    [InlineData("selfServiceAllowed", "true", "selfServiceAllowed")]
    [InlineData("billOnBehalfOfEnabled", "true", "billOnBehalfOfEnabled")]
    [InlineData("orderApprovalRequired", "false", "orderApprovalRequired")]
    [InlineData("status", "Inactive", "status")]
    public async Task Company_filters_return_only_matching_companies(string parameter, string value, string property)
    {
        var all = await TestSandbox.GetAllAsync("companies");
        var filtered = await TestSandbox.GetAllAsync($"companies?{parameter}={value}");

        filtered.ShouldNotBeEmpty();
        filtered.Count.ShouldBeLessThan(all.Count);
        foreach (var company in filtered)
        {
            // D14: list items may omit phone; read such companies by id.
            var source = Read(company, property) is null ? await TestSandbox.GetOkAsync($"companies/{company["id"]}") : company;
            Read(source, property)!.ToString().ShouldBe(value, StringCompareShould.IgnoreCase);
        }

        var expected = 0;
        foreach (var company in all)
        {
            var source = Read(company, property) is null ? await TestSandbox.GetOkAsync($"companies/{company["id"]}") : company;
            if (string.Equals(Read(source, property)!.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                expected++;
            }
        }

        filtered.Count.ShouldBe(expected);
    }

    [Fact]
    public async Task Company_status_filter_rejects_unknown_values()
    {
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "companies?status=Sleeping")).ShouldBeError(400, "BAD_REQUEST");
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "companies?selfServiceAllowed=maybe")).ShouldBeError(400, "BAD_REQUEST");
    }

    [Fact]
    public async Task Product_search_matches_name_vendor_sku_and_id()
    {
        var all = await TestSandbox.GetAllAsync("products");
        all.Count.ShouldBeInRange(35, 50);
        var e3 = all.First(product => product["name"]!.GetValue<string>() == "Office 365 E3");

        (await TestSandbox.GetAllAsync("products?search=office%20365")).Select(Name).ShouldContain("Office 365 E3");
        (await TestSandbox.GetAllAsync("products?search=datto")).ShouldAllBe(product => product["vendorName"]!.GetValue<string>() == "Datto");
        (await TestSandbox.GetAllAsync($"products?search={e3["sku"]}")).Select(Name).ShouldBe(["Office 365 E3"]);
        (await TestSandbox.GetAllAsync($"products?search={e3["id"]}")).Select(Name).ShouldBe(["Office 365 E3"]);
        (await TestSandbox.GetAllAsync("products?search=no-such-product")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Product_vendor_filter_returns_that_vendor_only()
    {
        var microsoft = await TestSandbox.GetAllAsync("products?vendorName=Microsoft");

        microsoft.Count.ShouldBeGreaterThan(10);
        microsoft.ShouldAllBe(product => product["vendorName"]!.GetValue<string>() == "Microsoft");
        (await TestSandbox.GetAllAsync("products?vendorName=Google")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Order_filters_by_company_and_status()
    {
        var orders = await TestSandbox.GetAllAsync("orders");
        var companyId = orders[0]["companyId"]!.GetValue<string>();

        var ofCompany = await TestSandbox.GetAllAsync($"orders?companyId={companyId}");
        ofCompany.ShouldNotBeEmpty();
        ofCompany.ShouldAllBe(order => order["companyId"]!.GetValue<string>() == companyId);
        ofCompany.Count.ShouldBe(orders.Count(order => order["companyId"]!.GetValue<string>() == companyId));

        var completed = await TestSandbox.GetAllAsync("orders?status=Completed");
        completed.ShouldNotBeEmpty();
        completed.ShouldAllBe(order => order["status"]!.GetValue<string>() == "Completed");
        completed.Count.ShouldBeLessThan(orders.Count);
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"orders?companyId={Guid.NewGuid()}")).ShouldBeError(404, "NOT_FOUND");
    }

    [Theory]
    [InlineData("status", "Cancelled")]
    [InlineData("billingTerm", "Annual")]
    public async Task Subscription_filters_return_only_matching_subscriptions(string parameter, string value)
    {
        var filtered = await TestSandbox.GetAllAsync($"subscriptions?{parameter}={value}");

        filtered.ShouldNotBeEmpty();
        filtered.ShouldAllBe(subscription => subscription[parameter]!.GetValue<string>() == value);
    }

    [Fact]
    public async Task Subscription_filters_by_company_and_product()
    {
        var subscription = (await TestSandbox.GetOkAsync("subscriptions?size=1"))["content"]![0]!;
        var companyId = subscription["companyId"]!.GetValue<string>();
        var productId = subscription["productId"]!.GetValue<string>();

        (await TestSandbox.GetAllAsync($"subscriptions?companyId={companyId}")).ShouldAllBe(item => item["companyId"]!.GetValue<string>() == companyId);
        var both = await TestSandbox.GetAllAsync($"subscriptions?companyId={companyId}&productId={productId}");
        both.ShouldContain(item => item["id"]!.GetValue<string>() == subscription["id"]!.GetValue<string>());
        (await TestSandbox.GetAllAsync($"subscriptions?productId={productId}")).ShouldAllBe(item => item["productId"]!.GetValue<string>() == productId);

        // Pax8 answers 403 "Invalid companyId" for a company that is not the partner's.
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"subscriptions?companyId={Guid.NewGuid()}")).ShouldBeError(403, "FORBIDDEN");
    }

    [Fact]
    public async Task Invoice_filters_by_status_dates_amounts_and_company()
    {
        var invoices = await TestSandbox.GetAllAsync("invoices");
        invoices.Count.ShouldBeGreaterThan(6);
        var sample = invoices.First(invoice => invoice["companyId"] is not null && invoice["total"]!.GetValue<decimal>() > 0);

        (await TestSandbox.GetAllAsync("invoices?status=Unpaid")).ShouldAllBe(invoice => invoice["status"]!.GetValue<string>() == "Unpaid");
        (await TestSandbox.GetAllAsync($"invoices?invoiceDate={sample["invoiceDate"]}")).ShouldAllBe(invoice => invoice["invoiceDate"]!.GetValue<string>() == sample["invoiceDate"]!.GetValue<string>());
        (await TestSandbox.GetAllAsync($"invoices?dueDate={sample["dueDate"]}")).ShouldAllBe(invoice => invoice["dueDate"]!.GetValue<string>() == sample["dueDate"]!.GetValue<string>());
        var inRange = await TestSandbox.GetAllAsync($"invoices?invoiceDateRangeStart={sample["invoiceDate"]}&invoiceDateRangeEnd={sample["invoiceDate"]}");
        inRange.Count.ShouldBe(invoices.Count(invoice => invoice["invoiceDate"]!.GetValue<string>() == sample["invoiceDate"]!.GetValue<string>()));
        (await TestSandbox.GetAllAsync($"invoices?total={sample["total"]}")).ShouldContain(invoice => invoice["id"]!.GetValue<string>() == sample["id"]!.GetValue<string>());
        (await TestSandbox.GetAllAsync($"invoices?balance={sample["balance"]}&carriedBalance={sample["carriedBalance"]}")).ShouldContain(invoice => invoice["id"]!.GetValue<string>() == sample["id"]!.GetValue<string>());
        var ofCompany = await TestSandbox.GetAllAsync($"invoices?companyId={sample["companyId"]}");
        ofCompany.Count.ShouldBe(6);
        ofCompany.ShouldAllBe(invoice => invoice["companyId"]!.GetValue<string>() == sample["companyId"]!.GetValue<string>());
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "invoices?invoiceDate=31/10/2000")).ShouldBeError(400, "BAD_REQUEST");
    }

    [Fact]
    public async Task Usage_summaries_filter_by_resource_group_and_company()
    {
        var (subscription, summaries) = await FirstUsageSubscriptionWithSummariesAsync(minimum: 2);
        var group = summaries[0]["resourceGroup"]!.GetValue<string>();

        var byGroup = (await TestSandbox.GetOkAsync($"subscriptions/{subscription["id"]}/usage-summaries?resourceGroup={group}"))["content"]!.AsArray();
        byGroup.Count.ShouldBe(1);
        byGroup[0]!["resourceGroup"]!.GetValue<string>().ShouldBe(group);

        (await TestSandbox.GetOkAsync($"subscriptions/{subscription["id"]}/usage-summaries?companyId={subscription["companyId"]}"))["content"]!.AsArray().Count.ShouldBe(summaries.Count);
        var otherCompany = (await TestSandbox.GetAllAsync("companies")).First(company => company["id"]!.GetValue<string>() != subscription["companyId"]!.GetValue<string>());
        (await TestSandbox.GetOkAsync($"subscriptions/{subscription["id"]}/usage-summaries?companyId={otherCompany["id"]}"))["content"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Usage_lines_need_a_usage_date_and_filter_by_product()
    {
        var (_, summaries) = await FirstUsageSubscriptionWithSummariesAsync(minimum: 1);
        var summaryId = summaries[0]["id"]!.GetValue<string>();
        var day = DateOnly.FromDateTime(TestSandbox.Clock.GetUtcNow().UtcDateTime).AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Get, $"usage-summaries/{summaryId}/usage-lines")).ShouldBeError(400, "BAD_REQUEST");

        var lines = await TestSandbox.GetOkAsync($"usage-summaries/{summaryId}/usage-lines?usageDate={day}");
        var content = lines["content"]!.AsArray();
        content.Count.ShouldBeGreaterThan(1);
        content.ShouldAllBe(line => line!["usageDate"]!.GetValue<string>() == day);
        lines["page"]!["totalElements"]!.GetValue<long>().ShouldBe(content.Count); // D5: paged

        var productId = content[1]!["productId"]!.GetValue<string>();
        var forProduct = (await TestSandbox.GetOkAsync($"usage-summaries/{summaryId}/usage-lines?usageDate={day}&productId={productId}"))["content"]!.AsArray();
        forProduct.Count.ShouldBe(1);
        forProduct[0]!["productId"]!.GetValue<string>().ShouldBe(productId);

        var paged = await TestSandbox.GetOkAsync($"usage-summaries/{summaryId}/usage-lines?usageDate={day}&size=1&page=1");
        paged["content"]!.AsArray().Count.ShouldBe(1);
        paged["page"]!["totalPages"]!.GetValue<int>().ShouldBe(content.Count);
    }

    [Fact]
    public async Task Draft_items_follow_month_offset_and_company()
    {
        var next = await TestSandbox.GetAllAsync("invoices/draftItems");
        var current = await TestSandbox.GetAllAsync("invoices/draftItems?monthOffset=0");
        var today = DateOnly.FromDateTime(TestSandbox.Clock.GetUtcNow().UtcDateTime);
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        next.ShouldNotBeEmpty();
        current.ShouldNotBeEmpty();
        next.Where(item => item["type"]!.GetValue<string>() == "subscription" && item["term"]!.GetValue<string>() == "Monthly")
            .ShouldAllBe(item => item["startPeriod"]!.GetValue<string>() == nextMonth);

        var companyId = next[0]["companyId"]!.GetValue<string>();
        var ofCompany = await TestSandbox.GetAllAsync($"invoices/draftItems?companyId={companyId}");
        ofCompany.ShouldNotBeEmpty();
        ofCompany.ShouldAllBe(item => item["companyId"]!.GetValue<string>() == companyId);

        (await TestSandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Get, "invoices/draftItems?monthOffset=2")).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"invoices/draftItems?companyId={Guid.NewGuid()}")).ShouldBeError(404, "NOT_FOUND");
    }

    private async Task<(JsonObject Subscription, List<JsonObject> Summaries)> FirstUsageSubscriptionWithSummariesAsync(int minimum)
    {
        foreach (var subscription in await TestSandbox.GetAllAsync("subscriptions?status=Active"))
        {
            if (subscription["productName"]!.GetValue<string>() != "Microsoft Azure Plan")
            {
                continue;
            }

            var summaries = await TestSandbox.GetAllAsync($"subscriptions/{subscription["id"]}/usage-summaries");
            if (summaries.Count >= minimum)
            {
                return (subscription, summaries);
            }
        }

        throw new InvalidOperationException("The seed has no Azure subscription with enough usage summaries.");
    }

    private static string Name(JsonObject product) => product["name"]!.GetValue<string>();

    private static JsonNode? Read(JsonObject item, string property) =>
        property.Split('.').Aggregate((JsonNode?)item, (node, name) => node?[name]);
}
