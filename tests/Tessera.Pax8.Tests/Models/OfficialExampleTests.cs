using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;

namespace Tessera.Pax8.Tests.Models;

/// <summary>
/// Every response Pax8 documents in its own partner spec (a copy in Payloads/official, as published by Pax8; see
/// reference pax8.md §0), sent through the generated client's deserialization for its operation: each success
/// example reads as a result, each documented error response is a typed exception. Pax8 publishes no error
/// examples, so error responses carry the devx sample error body (pax8.md §3.17) with the documented status.
/// </summary>
public sealed class OfficialExampleTests
{
    private const string OfficialSpec = "pax8-partner-endpoints-openapi.json";

    /// <summary>
    /// The curated operation of each official one. Seven official operations have no operationId (S10), so the key is
    /// the method and path.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Curated = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /companies"] = "findCompanies",
        ["POST /companies"] = "createCompany",
        ["GET /companies/{companyId}"] = "findCompanyById",
        ["PATCH /companies/{companyId}"] = "updateCompany",
        ["GET /companies/{companyId}/contacts"] = "findContacts",
        ["POST /companies/{companyId}/contacts"] = "createContact",
        ["GET /companies/{companyId}/contacts/{contactId}"] = "findContactById",
        ["PUT /companies/{companyId}/contacts/{contactId}"] = "updateContact",
        ["DELETE /companies/{companyId}/contacts/{contactId}"] = "deleteContact",
        ["GET /products"] = "findAllProducts",
        ["GET /products/{productId}"] = "findProductByProductId",
        ["GET /products/{productId}/provision-details"] = "findProvisionDetailsByProductId",
        ["GET /products/{productId}/dependencies"] = "findProductDependenciesByProductId",
        ["GET /products/{productId}/pricing"] = "findPricingByProductId",
        ["GET /orders"] = "findOrders",
        ["POST /orders"] = "createOrder",
        ["GET /orders/{orderId}"] = "findOrdersByOrderId",
        ["GET /subscriptions"] = "findSubscriptions",
        ["GET /subscriptions/{subscriptionId}"] = "findSubscriptionBySubscriptionId",
        ["PUT /subscriptions/{subscriptionId}"] = "updateSubscription",
        ["DELETE /subscriptions/{subscriptionId}"] = "cancelSubscription",
        ["GET /subscriptions/{subscriptionId}/history"] = "findSubscriptionHistoryBySubscriptionId",
        ["GET /subscriptions/{subscriptionId}/usage-summaries"] = "findSubscriptionUsageSummaries",
        ["GET /invoices"] = "findPartnerInvoices",
        ["GET /invoices/draftItems"] = "findPartnerDraftInvoiceItems",
        ["GET /invoices/{invoiceId}"] = "getPartnerInvoice",
        ["GET /invoices/{invoiceId}/items"] = "findPartnerInvoiceItems",
        ["GET /usage-summaries/{usageSummaryId}"] = "findSubscriptionUsageSummary",
        ["GET /usage-summaries/{usageSummaryId}/usage-lines"] = "findUsageLines",
    };

    private static readonly Lazy<JsonObject> Document = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "official", OfficialSpec)))!);

    public static IEnumerable<object[]> SuccessExamples() =>
        Responses().Where(r => r.Status.StartsWith('2')).SelectMany(r => Examples(r.Response).Select(e => new object[] { r.Operation, r.Status, e.Name }));

    public static IEnumerable<object[]> ErrorResponses() =>
        Responses().Where(r => !r.Status.StartsWith('2') && r.Status != "default").Select(r => new object[] { r.Operation, r.Status });

    [Fact]
    public void Every_official_operation_has_a_curated_operation_and_a_representative_call()
    {
        var official = Responses().Select(r => r.Operation).Distinct().ToList();

        official.Count.ShouldBe(29);
        official.ShouldAllBe(operation => Curated.ContainsKey(operation));
        Curated.Values.ShouldAllBe(id => OperationCases.All.ContainsKey(id));
    }

    [Fact]
    public void The_walk_covers_every_documented_example()
    {
        // Pax8's file holds 18 response examples (20 examples in all; the other two are request bodies).
        SuccessExamples().Count().ShouldBe(18);
        ErrorResponses().Count().ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(SuccessExamples))]
    public async Task Every_documented_success_example_reads_as_a_result(string operation, string status, string example)
    {
        var response = Responses().Single(r => r.Operation == operation && r.Status == status).Response;
        var body = Examples(response).Single(e => e.Name == example).Value.ToJsonString();
        var client = TestClients.Canned(_ => RecordingHandler.Json(body, (HttpStatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))).Client;

        var task = OperationCases.All[Curated[operation]].Call(client);
        await task;

        task.GetType().GetProperty("Result", BindingFlags.Public | BindingFlags.Instance)!.GetValue(task).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(ErrorResponses))]
    public async Task Every_documented_error_response_is_a_typed_exception(string operation, string status)
    {
        var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["type"] = code switch { 403 => "FORBIDDEN", 404 => "NOT_FOUND", 408 => "REQUEST_TIMEOUT", _ => "BAD_REQUEST" },
            ["message"] = "Documented failure of " + operation,
            ["instance"] = "/public/v1" + operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..],
            ["status"] = code,
            ["details"] = new JsonArray(),
        }.ToJsonString();
        var client = TestClients.Canned(_ => RecordingHandler.Json(body, (HttpStatusCode)code)).Client;

        var exception = await Should.ThrowAsync<Pax8ApiException<Pax8Error>>(() => OperationCases.All[Curated[operation]].Call(client));

        exception.StatusCode.ShouldBe(code);
        exception.Result.Status.ShouldBe(code);
        exception.Result.Message.ShouldBe("Documented failure of " + operation);
    }

    private static IEnumerable<(string Operation, string Status, JsonObject Response)> Responses()
    {
        foreach (var (path, item) in (JsonObject)Document.Value["paths"]!)
        {
            foreach (var (method, operation) in (JsonObject)item!)
            {
                if (operation is not JsonObject { } op || op["responses"] is not JsonObject responses)
                {
                    continue;
                }

                foreach (var (status, response) in responses)
                {
                    yield return ($"{method.ToUpperInvariant()} {path}", status, (JsonObject)Resolve(response!));
                }
            }
        }
    }

    private static IEnumerable<(string Name, JsonNode Value)> Examples(JsonObject response)
    {
        if (response["content"] is not JsonObject content)
        {
            yield break;
        }

        foreach (var (_, media) in content)
        {
            if (media!["example"] is { } single)
            {
                yield return ("example", single);
            }

            if (media["examples"] is JsonObject examples)
            {
                foreach (var (name, example) in examples)
                {
                    yield return (name, Resolve(example!)["value"]!);
                }
            }
        }
    }

    private static JsonNode Resolve(JsonNode node)
    {
        if (node is not JsonObject { } reference || reference["$ref"]?.GetValue<string>() is not { } target)
        {
            return node;
        }

        JsonNode current = Document.Value;
        foreach (var segment in target.TrimStart('#', '/').Split('/'))
        {
            current = current[segment]!;
        }

        return current;
    }
}
