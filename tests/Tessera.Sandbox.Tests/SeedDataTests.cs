using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

/// <summary>White-box checks that the seeded data is internally consistent.</summary>
public sealed class SeedDataTests(SharedSandbox shared) : IClassFixture<SharedSandbox>
{
    [Fact]
    public void References_point_at_existing_records()
    {
        var store = shared.TestSandbox.State.Store;

        store.Companies.Count.ShouldBe(320);
        store.Products.Count.ShouldBeInRange(35, 50);
        store.Subscriptions.ShouldAllBe(subscription => store.CompaniesById.ContainsKey(subscription.CompanyId) && store.ProductsById.ContainsKey(subscription.ProductId));
        store.Subscriptions.Where(subscription => subscription.ParentSubscriptionId != null).ShouldAllBe(subscription => store.SubscriptionsById.ContainsKey(subscription.ParentSubscriptionId!.Value));
        store.Orders.SelectMany(order => order.LineItems).Where(line => line.SubscriptionId != null).ShouldAllBe(line => store.SubscriptionsById.ContainsKey(line.SubscriptionId!.Value));
        store.Invoices.SelectMany(invoice => invoice.Items).ShouldAllBe(item => store.SubscriptionsById.ContainsKey(item.SubscriptionId!.Value) && store.CompaniesById.ContainsKey(item.CompanyId));
        store.UsageSummaries.ShouldAllBe(summary => store.SubscriptionsById[summary.SubscriptionId].CompanyId == summary.CompanyId && store.ProductsById[summary.ProductId].IsUsageBased);
        store.Subscriptions.Where(subscription => store.ProductsById[subscription.ProductId].RequiresCommitment && subscription.BillingTerm != "Trial")
            .ShouldAllBe(subscription => subscription.Commitment != null);
    }

    [Fact]
    public void Companies_have_one_to_four_contacts_and_active_ones_have_every_primary()
    {
        var store = shared.TestSandbox.State.Store;

        store.Companies.ShouldAllBe(company => company.Contacts.Count >= 1 && company.Contacts.Count <= 4);
        store.Companies.Where(company => company.Status == "Active").ShouldAllBe(company =>
            new[] { "Admin", "Billing", "Technical" }.All(type => company.Contacts.Any(contact => contact.Types.Any(role => role.Type == type && role.Primary))));
        store.Companies.Count(company => company.Status == "Inactive").ShouldBeGreaterThan(5);
        store.Companies.Select(company => company.Address.Country).Distinct().Order().ShouldBe(["CA", "GB", "US"]);
        store.Companies.Select(company => company.Name).Distinct().Count().ShouldBe(320);
    }

    [Fact]
    public void Invoice_totals_add_up()
    {
        var store = shared.TestSandbox.State.Store;

        store.Invoices.ShouldAllBe(invoice => invoice.Total == invoice.Items.Sum(item => item.AmountDue + (item.SalesTax ?? 0)));
    }
}
