using Tessera.Cli.Output;
using Tessera.Pax8;
using Tessera.Sandbox;
using Spectre.Console;

namespace Tessera.Cli.Tour;

/// <summary>A realistic partner workflow on the Pax8 client, step by step, with what each step shows.</summary>
internal sealed class Pax8Tour
{
    private readonly Pax8Client _client;
    private readonly RunningSandbox? _sandbox;

    public Pax8Tour(TourTargets targets, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory, RunningSandbox? sandbox)
    {
        _client = Pax8Client.Create(
            new Pax8ClientOptions
            {
                // Only the sandbox's own credentials, whatever the environment holds: the tour may be pointed at any URL.
                ClientId = SandboxOptions.DefaultPax8ClientId,
                ClientSecret = SandboxOptions.DefaultPax8ClientSecret,
                BaseUrl = targets.Pax8BaseUrl,
                TokenUrl = targets.Pax8TokenUrl,
                WebhooksBaseUrl = targets.Pax8WebhooksBaseUrl,
            },
            loggerFactory);
        _sandbox = sandbox;
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]Pax8 Partner API[/]").LeftJustified());

        Step("1. Companies across pages", "FindCompaniesAllAsync streams every page (size 200) through the cached client-credentials token.");
        var companies = new List<Company>();
        var pages = 0;
        await foreach (var page in _client.FindCompaniesAllAsync(size: 200).AsPages(cancellationToken: cancellationToken))
        {
            pages++;
            companies.AddRange(page.Items);
        }

        AnsiConsole.MarkupLine($"   {companies.Count} companies in {pages} pages; {companies.Count(c => c.Status == CompanyStatus.Active)} active.");
        CliOutput.WriteTable(companies.Take(5), ("Name", c => c.Name), ("City", c => c.Address?.City), ("Country", c => c.Address?.Country), ("Status", c => c.Status), ("Updated", c => c.UpdatedDate));
        var company = companies.First(c => c.Status == CompanyStatus.Active);

        Step("2. Contacts", $"FindContactsAsync for {company.Name}: note the undocumented phone fields (D3).");
        var contacts = await _client.FindContactsAsync(company.Id!, cancellationToken: cancellationToken);
        CliOutput.WriteTable(contacts.Content, ("Name", c => $"{c.FirstName} {c.LastName}"), ("Email", c => c.Email), ("Phone", c => c.Phone), ("phoneNumber (D3)", c => c.PhoneNumber), ("Types", c => string.Join(", ", c.Types?.Select(t => t.Type + (t.Primary == true ? "*" : string.Empty)) ?? [])));

        Step("3. Products with pricing", "Microsoft products, the first one's pricing, commitments and provisioning details.");
        var products = await _client.FindAllProductsAsync(size: 5, vendorName: "Microsoft", cancellationToken: cancellationToken);
        CliOutput.WriteTable(products.Content, ("Product", p => p.Name), ("Vendor", p => p.VendorName), ("SKU", p => p.Sku), ("Commitment", p => p.RequiresCommitment));
        var product = products.Content.First();
        var pricing = await _client.FindPricingByProductIdAsync(product.Id!, company.Id, cancellationToken);
        CliOutput.WriteTable(pricing.Content.SelectMany(p => (p.Rates ?? []).Select(r => (Pricing: p, Rate: r))), ("Billing", x => x.Pricing.BillingTerm), ("Type", x => x.Pricing.Type), ("From", x => x.Rate.StartQuantityRange), ("To", x => x.Rate.EndQuantityRange), ("Buy", x => x.Rate.PartnerBuyRate), ("Retail", x => x.Rate.SuggestedRetailPrice), ("Charge", x => x.Rate.ChargeType));
        var dependencies = await _client.FindProductDependenciesByProductIdAsync(product.Id!, cancellationToken);
        var provisioning = await _client.FindProvisionDetailsByProductIdAsync(product.Id!, cancellationToken);
        AnsiConsole.MarkupLine($"   {dependencies.CommitmentDependencies?.Count ?? 0} commitment term(s); provisioning needs: {Markup.Escape(string.Join(", ", provisioning.Content.Select(d => d.Key)))}.");

        Step("4. An order, validated only (isMock=true)", "CreateOrderAsync with isMock validates the order and writes nothing; POSTs are never retried.");
        var commitment = dependencies.CommitmentDependencies?.FirstOrDefault();
        CreateOrder NewOrder() => new()
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
                    CommitmentTermId = product.RequiresCommitment == true ? commitment?.Id : null,
                    ProvisioningDetails = provisioning.Content.Where(d => d.ValueType == ProvisioningValueType.Input)
                        .Select(d => new ProvisioningDetail { Key = d.Key, Values = ["tour-" + company.Id!.Replace("-", string.Empty, StringComparison.Ordinal)[..8]] }).ToList(),
                },
            ],
        };
        var order = await _client.CreateOrderAsync(NewOrder(), isMock: true, cancellationToken);
        AnsiConsole.MarkupLine($"   Validated: ordered by '{Markup.Escape(order.OrderedBy?.Value ?? "?")}' (the wire says Pax8Partner, D2), {order.LineItems?.Count ?? 0} line item(s).");

        Step("5. Subscriptions", "The company's subscriptions; commitment arrives as 'commitment' (D1), dates with colon-less offsets or date-only (D15).");
        var subscriptions = await _client.FindSubscriptionsAsync(size: 10, companyId: company.Id, cancellationToken: cancellationToken);
        if (subscriptions.Content.Count == 0)
        {
            subscriptions = await _client.FindSubscriptionsAsync(size: 10, status: SubscriptionStatus.Active, cancellationToken: cancellationToken);
        }

        CliOutput.WriteTable(subscriptions.Content, ("Product", x => x.ProductName), ("Qty", x => x.Quantity), ("Term", x => x.BillingTerm), ("Status", x => x.Status), ("Start", x => x.StartDate), ("Commitment (D1)", x => x.Commitment?.Term));
        var subscription = subscriptions.Content.First();
        var history = await _client.FindSubscriptionHistoryBySubscriptionIdAsync(subscription.Id!, cancellationToken);
        AnsiConsole.MarkupLine($"   Subscription {subscription.Id}: {history.Content.Count} historic version(s), commitment {Markup.Escape(subscription.Commitment?.Term ?? subscription.CommitmentTerm?.Term ?? "none")}.");

        Step("6. Invoices and their items", "The latest invoices (status is undocumented but real, D6) and the first one's items (rateType in any case, D4).");
        var invoices = await _client.FindPartnerInvoicesAsync(size: 5, sort: "invoiceDate,desc", cancellationToken: cancellationToken);
        CliOutput.WriteTable(invoices.Content, ("Date", i => i.InvoiceDate), ("Due", i => i.DueDate), ("Status (D6)", i => i.Status), ("Total", i => i.Total), ("Balance", i => i.Balance), ("Currency", i => i.CurrencyCode));
        var items = await _client.FindPartnerInvoiceItemsAsync(invoices.Content.First().Id!, size: 10, cancellationToken: cancellationToken);
        CliOutput.WriteTable(items.Content, ("Product", i => i.ProductName), ("Type", i => i.Type), ("Term", i => i.Term), ("rateType (D4)", i => i.RateType), ("Qty", i => i.Quantity), ("Total", i => i.Total));

        Step("7. Usage", "Usage summaries of a subscription and one day of usage lines (paged although Pax8 does not document it, D5).");
        var usageSubscription = subscription;
        UsageSummaryPage summaries = await _client.FindSubscriptionUsageSummariesAsync(usageSubscription.Id!, cancellationToken: cancellationToken);
        if (summaries.Content.Count == 0)
        {
            await foreach (var candidate in _client.FindSubscriptionsAllAsync(size: 200, status: SubscriptionStatus.Active).WithCancellation(cancellationToken))
            {
                summaries = await _client.FindSubscriptionUsageSummariesAsync(candidate.Id!, cancellationToken: cancellationToken);
                if (summaries.Content.Count > 0)
                {
                    break;
                }
            }
        }

        CliOutput.WriteTable(summaries.Content, ("Resource group", u => u.ResourceGroup), ("Vendor", u => u.VendorName), ("Charges", u => u.CurrentCharges), ("Partner total", u => u.PartnerTotal), ("subscriptionId (D7)", u => u.SubscriptionId is null ? "" : "present"));
        if (summaries.Content.FirstOrDefault() is { } summary)
        {
            var day = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);
            var lines = await _client.FindUsageLinesAsync(day, summary.Id!, size: 10, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLine($"   {lines.Page.TotalElements} usage line(s) on {day:yyyy-MM-dd}.");
        }

        // Webhooks API v2: the real order of step 10 comes after the webhook that reports it.
        await new Pax8WebhooksTour(_client).RunAsync(8, company, token => _client.CreateOrderAsync(NewOrder(), cancellationToken: token), cancellationToken);

        if (_sandbox is not null)
        {
            AnsiConsole.MarkupLine($"   Pax8 token requests: {_sandbox.Pax8.TokenRequests} (cached and reused) for {_sandbox.Pax8.RequestLog.Count} calls.");
        }

        return 0;
    }

    internal static void Step(string title, string explanation)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine($"[bold yellow]{Markup.Escape(title)}[/]");
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(explanation)}[/]");
    }
}
