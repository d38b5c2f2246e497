using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;

namespace Tessera.Pax8.Tests.Models;

/// <summary>
/// Pax8 ids are plain strings (specs/pax8.yaml, S7): Pax8's own documented usage lines carry a product id that is not
/// a UUID, and a client insisting on UUIDs loses the whole page. Ids are read and passed back verbatim.
/// </summary>
public sealed class IdTests
{
    private const string OddProductId = "e73f3a55-f1da-4efd-88eb-bf3je60ad5lq";

    [Fact]
    public async Task S7_a_usage_line_whose_product_id_is_not_a_uuid_reads_with_the_rest_of_its_page()
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json($$$"""
            {"content":[
              {"usageDate":"2020-01-14","productName":"Proofpoint Essentials - Professional","productId":"61bf3a55-f1da-4efd-88eb-bf362b0ad51e","quantity":3},
              {"usageDate":"2020-01-14","productName":"Proofpoint Essentials - Avdanced","productId":"{{{OddProductId}}}","quantity":3}],
             "page":{"size":10,"totalElements":2,"totalPages":1,"number":0}}
            """)).Client;

        var lines = await client.FindUsageLinesAsync(new DateTimeOffset(2020, 1, 14, 0, 0, 0, TimeSpan.Zero), OperationCases.UsageSummaryId);

        lines.Content.Select(l => l.ProductId).ShouldBe(["61bf3a55-f1da-4efd-88eb-bf362b0ad51e", OddProductId]);
    }

    [Fact]
    public async Task S7_an_id_a_response_carried_is_sent_back_verbatim_and_escaped_as_a_path_segment()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("product-detail")));

        await client.FindProductByProductIdAsync(OddProductId);
        await client.FindProductByProductIdAsync("a/b?c");

        transport.Requests[^2].Uri.AbsolutePath.ShouldEndWith("/products/" + OddProductId);
        transport.Requests[^1].Uri.AbsolutePath.ShouldEndWith("/products/a%2Fb%3Fc", Case.Sensitive, "an id never changes the route");
    }

    [Fact]
    public async Task S7_an_empty_path_id_is_refused_before_anything_is_sent()
    {
        // GET /companies/ would be the company list, not a company.
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company")));

        var exception = await Should.ThrowAsync<ArgumentException>(() => client.FindCompanyByIdAsync(string.Empty));

        exception.ParamName.ShouldBe("companyId");
        transport.Requests.ShouldBeEmpty();
    }
}
