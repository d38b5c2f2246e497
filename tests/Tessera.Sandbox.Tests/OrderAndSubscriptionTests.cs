using System.Net;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class OrderAndSubscriptionTests
{
    private static async Task<(string CompanyId, JsonObject Product, string CommitmentId)> PrepareAsync(TestSandbox sandbox, string productName = "Microsoft 365 Business Premium", string term = "1-Year")
    {
        var company = (await sandbox.GetAllAsync("companies?status=Active")).FirstOrDefault();
        var product = (await sandbox.GetAllAsync("products")).First(candidate => candidate["name"]!.GetValue<string>() == productName);
        var dependencies = await sandbox.GetOkAsync($"products/{product["id"]}/dependencies");
        var commitment = dependencies["commitmentDependencies"]!.AsArray().FirstOrDefault(candidate => candidate!["term"]!.GetValue<string>() == term);
        return (company?["id"]!.GetValue<string>() ?? string.Empty, product, commitment?["id"]!.GetValue<string>() ?? string.Empty);
    }

    private static object Order(string companyId, string productId, string? commitmentId, string billingTerm = "Monthly", decimal quantity = 5, string? orderedBy = "Pax8 Partner") => new Dictionary<string, object?>
    {
        ["companyId"] = companyId,
        ["orderedBy"] = orderedBy,
        ["orderedByUserEmail"] = "alex.morgan@northpoint-it.com",
        ["lineItems"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["productId"] = productId,
                ["lineItemNumber"] = 1,
                ["commitmentTermId"] = commitmentId,
                ["billingTerm"] = billingTerm,
                ["quantity"] = quantity,
                ["provisioningDetails"] = new[] { new { key = "msDomain", values = new[] { "acmewidgets" } } },
            },
        },
    };

    [Fact]
    public async Task Mock_order_is_validated_and_returned_but_nothing_is_stored()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var (companyId, product, commitmentId) = await PrepareAsync(sandbox);
        var ordersBefore = (await sandbox.GetOkAsync("orders?size=1"))["page"]!["totalElements"]!.GetValue<long>();
        var subscriptionsBefore = (await sandbox.GetOkAsync("subscriptions?size=1"))["page"]!["totalElements"]!.GetValue<long>();

        var order = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders?isMock=true", Order(companyId, product["id"]!.GetValue<string>(), commitmentId)))!;

        order["companyId"]!.GetValue<string>().ShouldBe(companyId);
        order["lineItems"]![0]!["subscriptionId"].ShouldBeNull();
        sandbox.State.MockOrderValidations.ShouldBe(1);
        sandbox.State.CreatedOrderIds.ShouldBeEmpty();
        (await sandbox.GetOkAsync("orders?size=1"))["page"]!["totalElements"]!.GetValue<long>().ShouldBe(ordersBefore);
        (await sandbox.GetOkAsync("subscriptions?size=1"))["page"]!["totalElements"]!.GetValue<long>().ShouldBe(subscriptionsBefore);
        await sandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"orders/{order["id"]}");
    }

    [Fact]
    public async Task Order_creates_subscriptions_and_reads_back_as_Pax8Partner()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var (companyId, product, commitmentId) = await PrepareAsync(sandbox);

        var order = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders", Order(companyId, product["id"]!.GetValue<string>(), commitmentId)))!;

        var orderId = order["id"]!.GetValue<string>();
        sandbox.State.CreatedOrderIds.ShouldBe([orderId]);
        order["orderedBy"]!.GetValue<string>().ShouldBe("Pax8Partner"); // D2
        order["status"]!.GetValue<string>().ShouldBe("Completed"); // D11
        var read = await sandbox.GetOkAsync($"orders/{orderId}");
        read["orderedBy"]!.GetValue<string>().ShouldBe("Pax8Partner");
        (await sandbox.GetOkAsync("orders?size=1"))["content"]![0]!["id"]!.GetValue<string>().ShouldBe(orderId); // newest first

        var subscriptionId = read["lineItems"]![0]!["subscriptionId"]!.GetValue<string>();
        var subscription = await sandbox.GetOkAsync($"subscriptions/{subscriptionId}");
        subscription["companyId"]!.GetValue<string>().ShouldBe(companyId);
        subscription["productId"]!.GetValue<string>().ShouldBe(product["id"]!.GetValue<string>());
        subscription["quantity"]!.GetValue<decimal>().ShouldBe(5);
        subscription["status"]!.GetValue<string>().ShouldBe("Active");
        subscription["commitment"]!["id"]!.GetValue<string>().ShouldBe(commitmentId); // D1
        subscription["commitment"]!["term"]!.GetValue<string>().ShouldBe("1-Year");
        (await sandbox.GetAllAsync($"subscriptions?companyId={companyId}")).ShouldContain(item => item["id"]!.GetValue<string>() == subscriptionId);
    }

    [Fact]
    public async Task Invalid_orders_are_422_with_details()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var (companyId, product, commitmentId) = await PrepareAsync(sandbox);
        var productId = product["id"]!.GetValue<string>();

        async Task<List<string>> InstancesAsync(object order)
        {
            var body = await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "orders", order);
            body.ShouldBeError(422, "UNPROCESSABLE_ENTITY");
            return [.. body!["details"]!.AsArray().Select(detail => detail!["instance"]!.GetValue<string>())];
        }

        (await InstancesAsync(Order(companyId, productId, commitmentId: null))).ShouldContain("lineItems[0].commitmentTermId");
        (await InstancesAsync(Order(companyId, Guid.NewGuid().ToString(), commitmentId))).ShouldContain("lineItems[0].productId");
        (await InstancesAsync(Order(companyId, productId, commitmentId, quantity: 0))).ShouldContain("lineItems[0].quantity");
        (await InstancesAsync(Order(companyId, productId, commitmentId, billingTerm: "Weekly"))).ShouldContain("lineItems[0].billingTerm");
        (await InstancesAsync(Order(companyId, productId, commitmentId, billingTerm: "One-Time"))).ShouldContain("lineItems[0].billingTerm");
        (await InstancesAsync(Order(Guid.NewGuid().ToString(), productId, commitmentId))).ShouldContain("companyId");
        (await InstancesAsync(Order(companyId, productId, commitmentId, orderedBy: "Pax8Partner"))).ShouldContain("orderedBy"); // D2: write needs the space
        (await InstancesAsync(new { companyId, lineItems = Array.Empty<object>() })).ShouldContain("lineItems");
        (await InstancesAsync(Order(companyId, productId, commitmentId, quantity: 2.5m))).ShouldContain("lineItems[0].quantity");
        sandbox.State.CreatedOrderIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Add_ons_need_their_base_product()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(options => options.Pax8CompanyCount = 0);
        var company = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "companies", new
        {
            name = "Add-on Co",
            address = new { street = "1 Main St", city = "Denver", stateOrProvince = "CO", postalCode = "80202", country = "US" },
            phone = "303-555-0100",
            website = "addon.example.com",
            billOnBehalfOfEnabled = false,
            selfServiceAllowed = false,
            orderApprovalRequired = false,
        }))!;
        var (_, phone, phoneCommitment) = await PrepareAsync(sandbox, "Microsoft Teams Phone Standard");

        var body = await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "orders",
            Order(company["id"]!.GetValue<string>(), phone["id"]!.GetValue<string>(), phoneCommitment));

        body!["details"]![0]!["message"]!.GetValue<string>().ShouldContain("requires one of");
    }

    [Fact]
    public async Task Subscription_update_changes_fields_and_appends_history()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var (companyId, product, commitmentId) = await PrepareAsync(sandbox, term: "1-Month");
        var order = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders", Order(companyId, product["id"]!.GetValue<string>(), commitmentId)))!;
        var id = order["lineItems"]![0]!["subscriptionId"]!.GetValue<string>();

        var updated = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Put, $"subscriptions/{id}", new { quantity = 11, price = 25.5 }))!;

        updated["quantity"]!.GetValue<decimal>().ShouldBe(11);
        updated["price"]!.GetValue<decimal>().ShouldBe(25.5m);
        var history = (await sandbox.GetOkAsync($"subscriptions/{id}/history"))["content"]!.AsArray();
        history.Count.ShouldBe(2);
        history[0]!["quantity"]!.GetValue<decimal>().ShouldBe(5);
        history[1]!["quantity"]!.GetValue<decimal>().ShouldBe(11);

        (await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"subscriptions/{id}", new { provisioningDetails = Array.Empty<object>() })).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        (await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"subscriptions/{id}", new { startDate = "2999-01-01T00:00:00Z" })).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
    }

    [Fact]
    public async Task Annual_commitment_quantity_cannot_be_decreased()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var (companyId, product, commitmentId) = await PrepareAsync(sandbox, term: "1-Year");
        var order = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders", Order(companyId, product["id"]!.GetValue<string>(), commitmentId, quantity: 10)))!;
        var id = order["lineItems"]![0]!["subscriptionId"]!.GetValue<string>();

        (await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Put, $"subscriptions/{id}", new { quantity = 8 })).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Put, $"subscriptions/{id}", new { quantity = 12 });
    }

    [Fact]
    public async Task Cancel_now_or_on_a_future_date()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var (companyId, product, commitmentId) = await PrepareAsync(sandbox, term: "1-Month");
        var productId = product["id"]!.GetValue<string>();
        var first = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders", Order(companyId, productId, commitmentId)))!["lineItems"]![0]!["subscriptionId"]!.GetValue<string>();
        var second = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders", Order(companyId, productId, commitmentId)))!["lineItems"]![0]!["subscriptionId"]!.GetValue<string>();

        (await sandbox.SendExpectingAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"subscriptions/{first}")).ShouldBeNull();
        var cancelled = await sandbox.GetOkAsync($"subscriptions/{first}");
        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        cancelled["endDate"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");

        var cancelDate = Uri.EscapeDataString(sandbox.Clock.GetUtcNow().AddDays(20).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
        await sandbox.SendExpectingAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"subscriptions/{second}?cancelDate={cancelDate}");
        (await sandbox.GetOkAsync($"subscriptions/{second}"))["status"]!.GetValue<string>().ShouldBe("PendingCancel");

        (await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Delete, $"subscriptions/{first}")).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        (await sandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Delete, $"subscriptions/{Guid.NewGuid()}")).ShouldBeError(404, "NOT_FOUND");
    }

    [Fact]
    public async Task Ordering_a_usage_product_creates_a_usage_summary()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var (companyId, azure, _) = await PrepareAsync(sandbox, "Microsoft Azure Plan");
        var order = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "orders", new
        {
            companyId,
            lineItems = new[] { new { productId = azure["id"]!.GetValue<string>(), lineItemNumber = 1, billingTerm = "Monthly", quantity = 1 } },
        }))!;

        var subscriptionId = order["lineItems"]![0]!["subscriptionId"]!.GetValue<string>();
        var summaries = (await sandbox.GetOkAsync($"subscriptions/{subscriptionId}/usage-summaries"))["content"]!.AsArray();
        summaries.Count.ShouldBe(1);
        summaries[0]!["subscriptionId"]!.GetValue<string>().ShouldBe(subscriptionId);
        (await sandbox.GetOkAsync($"subscriptions/{subscriptionId}"))["status"]!.GetValue<string>().ShouldBe("WaitingForDetails");
        order["status"]!.GetValue<string>().ShouldBe("Processing");
    }
}
