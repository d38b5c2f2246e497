using Tessera.Pax8.Tests.Infrastructure;

namespace Tessera.Pax8.Tests.Wire;

/// <summary>Typed sorts from the spec's x-sort, raw sort text for fields it does not know, and the descriptor on every request.</summary>
public sealed class SortAndPathTests
{
    [Fact]
    public async Task A_typed_sort_sends_the_field_and_direction()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company-page")));

        await client.FindCompaniesAsync(sort: CompanySort.PostalCode.Descending);

        transport.Requests.Last().Uri.Query.ShouldContain("sort=postalCode%2Cdesc");
        CompanySort.PostalCode.Descending.ShouldBe(CompanySort.PostalCodeDescending);
        CompanySort.PostalCode.Descending.IsKnown.ShouldBeTrue();
    }

    [Fact]
    public async Task A_raw_sort_for_a_field_the_spec_does_not_know_is_sent_as_given()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company-page")));

        CompanySort sort = "createdDate,desc";
        await client.FindCompaniesAllAsync(sort: sort).AsPages().FirstAsync();

        sort.IsKnown.ShouldBeFalse();
        transport.Requests.Last().Uri.Query.ShouldContain("sort=createdDate%2Cdesc");
    }

    [Fact]
    public async Task Every_request_carries_the_descriptor_of_its_operation()
    {
        var seen = new List<(string? Operation, string Path)>();
        var transport = new RecordingHandler(request =>
        {
            seen.Add((Tessera.Core.Operations.OperationDescriptor.Of(request)?.OperationId, request.RequestUri!.AbsolutePath));
            return TestClients.IsTokenRequest(request) ? RecordingHandler.Json(Payloads.Read("token")) : RecordingHandler.Json(Payloads.Read("company"));
        });
        var client = Pax8Client.Create(TestClients.Options(), primaryHandler: transport);

        await client.FindCompanyByIdAsync(OperationCases.CompanyId);

        seen.ShouldBe([("createAccessToken", "/v1/token"), ("findCompanyById", $"/v1/companies/{OperationCases.CompanyId}")]);
        Pax8ClientOperations.FindCompanyById.PathTemplate.ShouldBe("/companies/{companyId}");
        Pax8ClientOperations.FindCompanies.PageItemType.ShouldBe(typeof(Company));
        Pax8ClientOperations.CreateAccessToken.IssuesCredentials.ShouldBeTrue();
        Pax8ClientOperations.CreateCompany.SafeToRetry.ShouldBeFalse();
        Pax8ClientOperations.All.Count.ShouldBe(30);
    }
}
