using Tessera.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tessera.Pax8.Tests.Integration;

/// <summary>
/// The client registered through DI from configuration, against the sandbox (written from the spec,
/// not from the client): handshake, paging, token expiry, writes.
/// </summary>
public sealed class SandboxFlowTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public SandboxFlowTests(SandboxFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_the_typed_client_resolves()
    {
        using var provider = Services();

        var client = provider.GetRequiredService<IPax8Client>();
        var company = (await client.FindCompaniesAsync(size: 1)).Content.Single();

        company.Name.ShouldNotBeNullOrWhiteSpace();
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Pax8ClientOptions>>().Value.Resilience.MaxRetryAttempts.ShouldBe(2);
    }

    [Fact]
    public async Task Every_company_streams_across_pages_with_one_page_in_flight()
    {
        using var provider = Services();
        var client = provider.GetRequiredService<IPax8Client>();

        var pages = new List<int>();
        var count = 0;
        await foreach (var page in client.FindCompaniesAllAsync(size: 200).AsPages())
        {
            pages.Add(page.Items.Count);
            count += page.Items.Count;
        }

        count.ShouldBe(_fixture.State.CompanyCount);
        pages.ShouldBe([200, _fixture.State.CompanyCount - 200]);
        (await client.FindCompaniesAllAsync(size: 200).CountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task An_expired_token_is_replaced_transparently()
    {
        using var provider = Services();
        var client = provider.GetRequiredService<IPax8Client>();
        await client.FindAllProductsAsync(size: 1);
        var before = _fixture.State.TokenRequests;

        _fixture.State.ExpireAllTokens();
        var products = await client.FindAllProductsAsync(size: 1);

        products.Content.Count.ShouldBe(1);
        (_fixture.State.TokenRequests - before).ShouldBe(1);
    }

    [Fact]
    public async Task A_mock_order_is_validated_and_stores_nothing()
    {
        using var provider = Services();
        var client = provider.GetRequiredService<IPax8Client>();
        var company = (await client.FindCompaniesAsync(size: 1, status: CompanyStatus.Active)).Content.Single();
        var product = (await client.FindAllProductsAsync(size: 50)).Content.First(p => p.RequiresCommitment != true);
        var pricing = (await client.FindPricingByProductIdAsync(product.Id!)).Content.First();
        var provisioning = (await client.FindProvisionDetailsByProductIdAsync(product.Id!)).Content;
        var createdBefore = _fixture.State.CreatedOrderIds.Count;
        var mocksBefore = _fixture.State.MockOrderValidations;

        var order = await client.CreateOrderAsync(
            new CreateOrder
            {
                CompanyId = company.Id!,
                OrderedBy = OrderedBy.Pax8Partner,
                LineItems =
                [
                    new CreateLineItem
                    {
                        ProductId = product.Id!,
                        LineItemNumber = 1,
                        Quantity = 3,
                        BillingTerm = pricing.BillingTerm ?? BillingTerm.Monthly,
                        ProvisioningDetails = provisioning.Select(d => new ProvisioningDetail
                        {
                            Key = d.Key,
                            Values = [d.PossibleValues?.FirstOrDefault() ?? "sandbox-value"],
                        }).ToList(),
                    },
                ],
            },
            isMock: true);

        order.CompanyId.ShouldBe(company.Id!);
        _fixture.State.CreatedOrderIds.Count.ShouldBe(createdBefore);
        _fixture.State.MockOrderValidations.ShouldBe(mocksBefore + 1);
    }

    [Fact]
    public async Task A_write_rejected_by_the_api_is_a_typed_exception_and_is_sent_once()
    {
        using var provider = Services();
        var client = provider.GetRequiredService<IPax8Client>();
        var company = (await client.FindCompaniesAsync(size: 1, status: CompanyStatus.Active)).Content.Single();
        bool IsPatch((string Method, string Path, int Status) entry) => entry.Method == "PATCH" && entry.Path.EndsWith(company.Id!.ToString(), StringComparison.OrdinalIgnoreCase);
        var before = _fixture.State.RequestLog.Count(IsPatch);

        // Pax8 rejects an update that changes nothing; PATCH is not idempotent, so it must not be retried.
        var exception = await Should.ThrowAsync<Pax8ApiException<Pax8Error>>(() => client.UpdateCompanyAsync(new CompanyUpdate { Name = company.Name }, company.Id!));

        exception.StatusCode.ShouldBe(422);
        exception.Result.Message.ShouldNotBeNullOrWhiteSpace();
        _fixture.State.RequestLog.Count(IsPatch).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Dates_the_sandbox_sends_without_colons_or_as_plain_dates_are_read()
    {
        using var provider = Services();
        var client = provider.GetRequiredService<IPax8Client>();

        var subscriptions = await client.FindSubscriptionsAllAsync(size: 200).Take(300).ToListAsync();

        subscriptions.ShouldAllBe(s => s.CreatedDate != null && s.StartDate != null);
        subscriptions.ShouldContain(s => s.Commitment != null);
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Pax8:ClientId"] = SandboxOptions.DefaultPax8ClientId,
                ["Pax8:ClientSecret"] = SandboxOptions.DefaultPax8ClientSecret,
                ["Pax8:BaseUrl"] = _fixture.Sandbox.Pax8BaseUrl.AbsoluteUri,
                ["Pax8:TokenUrl"] = _fixture.Sandbox.Pax8TokenUrl.AbsoluteUri,
                ["Pax8:TokenCache"] = "Memory",
                ["Pax8:Resilience:MaxRetryAttempts"] = "2",
                ["Pax8:RequestsPerMinute"] = "0",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddPax8Client(configuration.GetSection(Pax8ClientOptions.SectionName))
            .ConfigurePrimaryHttpMessageHandler(() => _fixture.Sandbox.CreateHandler());
        return services.BuildServiceProvider();
    }
}
