using Tessera.Core.Errors;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;

namespace Tessera.Pax8.Tests.Models;

/// <summary>
/// Counts Pax8 types as <c>number</c> (commitment renewal windows, commitment months, paging) are integers in C#; the
/// wire may write them as integral decimals (<c>12.0</c>), which are read, while a fractional value is refused with
/// its path rather than rounded.
/// </summary>
public sealed class IntegralNumberTests
{
    private static Pax8Client ClientAnswering(string json) => TestClients.Canned(_ => RecordingHandler.Json(json)).Client;

    [Fact]
    public async Task Commitment_renewal_windows_written_as_decimals_are_read()
    {
        var dependencies = await ClientAnswering("""
            {"commitmentDependencies":[{"id":"f6a7b8c9-d0e1-4f2a-9b4c-5d6e7f8091a2","term":"1-Year","renewalWindowDaysBeforeTermEnd":30.0,"renewalWindowDaysAfterTermEnd":7.00}],
             "productDependencies":[]}
            """).FindProductDependenciesByProductIdAsync(OperationCases.ProductId);

        dependencies.CommitmentDependencies![0].RenewalWindowDaysBeforeTermEnd.ShouldBe(30);
        dependencies.CommitmentDependencies[0].RenewalWindowDaysAfterTermEnd.ShouldBe(7);
    }

    [Fact]
    public async Task Pricing_commitment_months_and_the_page_written_as_decimals_are_read()
    {
        var pricing = await ClientAnswering("""{"content":[{"billingTerm":"Annual","commitmentTermInMonths":12.0,"rates":[]}]}""")
            .FindPricingByProductIdAsync(OperationCases.ProductId);
        var page = await ClientAnswering("""{"content":[],"page":{"size":10.0,"totalElements":3.0E2,"totalPages":30.0,"number":0.0}}""")
            .FindCompaniesAsync();

        pricing.Content[0].CommitmentTermInMonths.ShouldBe(12);
        (page.Page.Size, page.Page.TotalElements, page.Page.TotalPages, page.Page.Number).ShouldBe((10, 300L, 30, 0));
    }

    [Fact]
    public async Task A_fractional_count_is_refused_with_its_path_not_rounded()
    {
        var exception = await Should.ThrowAsync<ResponseReadException>(() => ClientAnswering("""{"content":[{"billingTerm":"Annual","commitmentTermInMonths":12.5}]}""")
            .FindPricingByProductIdAsync(OperationCases.ProductId));

        exception.Message.ShouldContain("content[0].commitmentTermInMonths");
    }
}
