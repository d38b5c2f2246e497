using System.Net;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class PagingAndSortingTests(SharedSandbox shared) : IClassFixture<SharedSandbox>
{
    private TestSandbox TestSandbox => shared.TestSandbox;

    [Fact]
    public async Task Companies_page_over_320_records_in_two_pages_of_200()
    {
        var first = await TestSandbox.GetOkAsync("companies?size=200");
        var second = await TestSandbox.GetOkAsync("companies?size=200&page=1");
        var beyond = await TestSandbox.GetOkAsync("companies?size=200&page=2");

        first["content"]!.AsArray().Count.ShouldBe(200);
        first["page"]!.ToJsonString().ShouldBe("""{"size":200,"totalElements":320,"totalPages":2,"number":0}""");
        second["content"]!.AsArray().Count.ShouldBe(120);
        second["page"]!["number"]!.GetValue<int>().ShouldBe(1);
        beyond["content"]!.AsArray().ShouldBeEmpty();
        beyond["page"]!["totalPages"]!.GetValue<int>().ShouldBe(2);

        var ids = first["content"]!.AsArray().Concat(second["content"]!.AsArray()).Select(company => company!["id"]!.GetValue<string>()).ToList();
        ids.Distinct().Count().ShouldBe(320);
    }

    [Fact]
    public async Task Default_page_is_0_and_default_size_is_10()
    {
        var body = await TestSandbox.GetOkAsync("companies");

        body["content"]!.AsArray().Count.ShouldBe(10);
        body["page"]!.ToJsonString().ShouldBe("""{"size":10,"totalElements":320,"totalPages":32,"number":0}""");
    }

    [Theory]
    [InlineData("companies?size=0")]
    [InlineData("companies?size=201")]
    [InlineData("companies?page=-1")]
    [InlineData("subscriptions?size=abc")]
    [InlineData("invoices?size=1000")]
    public async Task Out_of_range_or_malformed_paging_is_400_with_the_error_body(string path)
    {
        var body = await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Get, path);

        body.ShouldBeError(400, "BAD_REQUEST");
        body!["details"]!.AsArray().ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("companies", "name", "name")]
    [InlineData("companies", "city", "address.city")]
    [InlineData("companies", "postalCode", "address.postalCode")]
    [InlineData("products", "name", "name")]
    [InlineData("products", "vendor", "vendorName")]
    [InlineData("invoices", "partnerName", "partnerName")]
    [InlineData("invoices", "status", "status")]
    public async Task Text_sort_orders_ascending_and_descending(string resource, string field, string property)
    {
        var ascending = Values(await TestSandbox.GetAllAsync($"{resource}?sort={field}"), property);
        var descending = Values(await TestSandbox.GetAllAsync($"{resource}?sort={field},desc"), property);

        ascending.ShouldBe([.. ascending.Order(StringComparer.OrdinalIgnoreCase)]);
        descending.ShouldBe([.. descending.OrderDescending(StringComparer.OrdinalIgnoreCase)]);
        ascending.First().ShouldBe(descending.Last(), StringCompareShould.IgnoreCase);
    }

    [Theory]
    [InlineData("subscriptions", "price", "price")]
    [InlineData("subscriptions", "quantity", "quantity")]
    [InlineData("invoices", "total", "total")]
    [InlineData("invoices", "balance", "balance")]
    public async Task Number_sort_orders_ascending_and_descending(string resource, string field, string property)
    {
        var ascending = (await TestSandbox.GetAllAsync($"{resource}?sort={field},asc")).Select(item => item[property]!.GetValue<decimal>()).ToList();
        var descending = (await TestSandbox.GetAllAsync($"{resource}?sort={field},desc")).Select(item => item[property]!.GetValue<decimal>()).ToList();

        ascending.ShouldBe([.. ascending.Order()]);
        descending.ShouldBe([.. descending.OrderDescending()]);
    }

    [Fact]
    public async Task Date_sort_orders_subscriptions_by_billing_start()
    {
        var dates = (await TestSandbox.GetAllAsync("subscriptions?sort=billingStart,desc")).Select(item => DateOnly.Parse(item["billingStart"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();

        dates.ShouldBe([.. dates.OrderDescending()]);
    }

    [Theory]
    [InlineData("companies?sort=website")]
    [InlineData("companies?sort=name,up")]
    [InlineData("products?sort=sku")]
    [InlineData("subscriptions?sort=status")]
    public async Task Unknown_sort_is_400(string path)
    {
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Get, path)).ShouldBeError(400, "BAD_REQUEST");
    }

    [Fact]
    public async Task Contacts_are_listed_newest_first()
    {
        var company = (await TestSandbox.GetAllAsync("companies")).First(candidate => candidate["status"]!.GetValue<string>() == "Active");
        var contacts = (await TestSandbox.GetOkAsync($"companies/{company["id"]}/contacts"))["content"]!.AsArray();

        var dates = contacts.Select(contact => contact!["createdDate"]!.GetValue<string>()).ToList();
        dates.ShouldBe([.. dates.OrderDescending(StringComparer.Ordinal)]);
    }

    private static List<string> Values(List<JsonObject> items, string property) =>
        [.. items.Select(item => property.Split('.').Aggregate((JsonNode)item, (node, name) => node[name]!).GetValue<string>())];
}
