using System.Net;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class ErrorTests(SharedSandbox shared) : IClassFixture<SharedSandbox>
{
    private TestSandbox TestSandbox => shared.TestSandbox;

    [Fact]
    public async Task Unknown_company_is_404_with_Pax8s_error_body()
    {
        var id = Guid.NewGuid().ToString();

        var body = await TestSandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"companies/{id}");

        body!.ToJsonString().ShouldBe($$"""{"type":"NOT_FOUND","message":"Company Not Found: {{id}}","instance":"/public/v1/companies/{{id}}","status":404,"details":[]}""");
    }

    [Theory]
    [InlineData("products/{0}", "Product Not Found: {0}")]
    [InlineData("products/{0}/pricing", "Product Not Found: {0}")]
    [InlineData("orders/{0}", "Order Not Found: {0}")]
    [InlineData("subscriptions/{0}", "Subscription Not Found: {0}")]
    [InlineData("subscriptions/{0}/history", "Subscription Not Found: {0}")]
    [InlineData("invoices/{0}", "Invoice Not Found: {0}")]
    [InlineData("invoices/{0}/items", "Invoice Not Found: {0}")]
    [InlineData("usage-summaries/{0}", "Usage Summary Not Found: {0}")]
    [InlineData("companies/{0}/contacts", "Company Not Found: {0}")]
    public async Task Unknown_ids_are_404_naming_the_resource(string pathFormat, string messageFormat)
    {
        var id = Guid.NewGuid().ToString();

        var body = await TestSandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, id));

        body.ShouldBeError(404, "NOT_FOUND");
        body!["message"]!.GetValue<string>().ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, messageFormat, id));
    }

    [Fact]
    public async Task Unknown_contact_of_a_known_company_is_404()
    {
        var company = (await TestSandbox.GetOkAsync("companies?size=1"))["content"]![0]!;

        var body = await TestSandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"companies/{company["id"]}/contacts/{Guid.NewGuid()}");

        body.ShouldBeError(404, "NOT_FOUND");
        body!["message"]!.GetValue<string>().ShouldStartWith("Contact Not Found: ");
    }

    [Fact]
    public async Task Unknown_route_is_404_with_the_error_body()
    {
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, "no-such-resource")).ShouldBeError(404, "NOT_FOUND");
    }

    [Fact]
    public async Task Wrong_method_is_405_with_the_error_body()
    {
        (await TestSandbox.SendExpectingAsync(HttpStatusCode.MethodNotAllowed, HttpMethod.Delete, "products")).ShouldBeError(405, "METHOD_NOT_ALLOWED");
    }

    [Theory]
    [InlineData("companies")]
    [InlineData("orders")]
    public async Task Malformed_json_is_400_with_the_error_body(string path)
    {
        var body = await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Post, path, "{\"name\": ");

        body.ShouldBeError(400, "BAD_REQUEST");
    }

    [Fact]
    public async Task Wrong_json_type_is_400()
    {
        var body = await TestSandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "companies", new { name = 42 });

        body.ShouldBeError(400, "BAD_REQUEST");
        body!["details"]![0]!["instance"]!.GetValue<string>().ShouldBe("name");
    }
}
