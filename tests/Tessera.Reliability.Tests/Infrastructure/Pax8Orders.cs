using Tessera.Pax8;

namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>Valid Pax8 create bodies built from the sandbox's catalogue (as the tour does).</summary>
public static class Pax8Orders
{
    public static CompanyCreate NewCompany() => new()
    {
        Name = "Reliability " + Guid.NewGuid().ToString("N")[..8],
        Address = new Address { Street = "1 Market St", City = "Denver", StateOrProvince = "CO", PostalCode = "80202", Country = "US" },
        Phone = "303-555-0100",
        Website = "reliability.example",
        BillOnBehalfOfEnabled = true,
        SelfServiceAllowed = false,
        OrderApprovalRequired = false,
    };

    public static async Task<CreateOrder> NewOrderAsync(Pax8Client client)
    {
        var company = (await client.FindCompaniesAsync(size: 20, status: CompanyStatus.Active)).Content.First();
        var product = (await client.FindAllProductsAsync(size: 5, vendorName: "Microsoft")).Content.First();
        var pricing = await client.FindPricingByProductIdAsync(product.Id!, company.Id);
        var dependencies = await client.FindProductDependenciesByProductIdAsync(product.Id!);
        var provisioning = await client.FindProvisionDetailsByProductIdAsync(product.Id!);
        return new CreateOrder
        {
            CompanyId = company.Id!,
            OrderedBy = OrderedBy.Pax8Partner,
            LineItems =
            [
                new CreateLineItem
                {
                    ProductId = product.Id!,
                    LineItemNumber = 1,
                    Quantity = 5,
                    BillingTerm = pricing.Content.FirstOrDefault()?.BillingTerm ?? BillingTerm.Monthly,
                    CommitmentTermId = product.RequiresCommitment == true ? dependencies.CommitmentDependencies?.FirstOrDefault()?.Id : null,
                    ProvisioningDetails = provisioning.Content.Where(d => d.ValueType == ProvisioningValueType.Input)
                        .Select(d => new ProvisioningDetail { Key = d.Key, Values = ["rel-" + company.Id!.Replace("-", string.Empty, StringComparison.Ordinal)[..8]] }).ToList(),
                },
            ],
        };
    }
}
