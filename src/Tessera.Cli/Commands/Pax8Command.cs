using System.CommandLine;
using Tessera.Pax8;

namespace Tessera.Cli.Commands;

/// <summary>
/// <c>pax8 &lt;resource&gt; &lt;verb&gt;</c>: real calls to the Pax8 Partner API. Credentials come from
/// PAX8_CLIENT_ID and PAX8_CLIENT_SECRET; <c>--base-url</c>/<c>--token-url</c> point it elsewhere
/// (for example at the sandbox).
/// </summary>
internal static class Pax8Command
{
    public static Command Create()
    {
        var command = new Command("pax8", "Call the Pax8 Partner API (credentials from PAX8_CLIENT_ID and PAX8_CLIENT_SECRET).");
        foreach (var option in Pax8CommandContext.GlobalOptions)
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(Companies());
        command.Subcommands.Add(Contacts());
        command.Subcommands.Add(Products());
        command.Subcommands.Add(Orders());
        command.Subcommands.Add(Subscriptions());
        command.Subcommands.Add(Invoices());
        command.Subcommands.Add(Usage());
        command.Subcommands.Add(TenantId());
        command.Subcommands.Add(Pax8WebhooksCommand.Create());
        return command;
    }

    private static Command Companies()
    {
        var companies = new Command("companies", "Companies (your customers).");

        var list = Pax8CommandContext.ListCommand("list", "List companies.");
        var city = new Option<string?>("--city") { Description = "Only companies in this city." };
        var country = new Option<string?>("--country") { Description = "Only companies in this country (ISO 3166-1 alpha-2, e.g. US)." };
        var status = new Option<string?>("--status") { Description = "Active, Inactive or Deleted." };
        var sort = new Option<string?>("--sort") { Description = "name, city, country, stateOrProvince or postalCode, optionally ',asc' or ',desc'." };
        list.Options.Add(city);
        list.Options.Add(country);
        list.Options.Add(status);
        list.Options.Add(sort);
        Pax8CommandContext.SetListAction(
            list,
            (c, p, page, size) => c.FindCompaniesAsync(page, size, p.GetValue(sort) is { } order ? new CompanySort(order) : default(CompanySort?), p.GetValue(city), p.GetValue(country), status: Pax8CommandContext.Enum<CompanyStatus>(p.GetValue(status)), cancellationToken: p.Token),
            (c, p, size) => c.FindCompaniesAllAsync(size, p.GetValue(sort) is { } order ? new CompanySort(order) : default(CompanySort?), p.GetValue(city), p.GetValue(country), status: Pax8CommandContext.Enum<CompanyStatus>(p.GetValue(status))),
            page => page.Content);
        companies.Subcommands.Add(list);

        var id = Pax8CommandContext.IdArgument("companyId");
        var get = new Command("get", "Show one company.") { id };
        Pax8CommandContext.SetAction(get, (c, p) => c.FindCompanyByIdAsync(p.GetValue(id)!, p.Token));
        companies.Subcommands.Add(get);

        var body = Pax8CommandContext.BodyOption();
        var create = new Command("create", "Create a company from a JSON body (CompanyCreate).") { body };
        Pax8CommandContext.SetAction(create, async (c, p) => await c.CreateCompanyAsync(await Pax8CommandContext.ReadBodyAsync<CompanyCreate>(p.GetValue(body)), p.Token));
        companies.Subcommands.Add(create);

        var updateId = Pax8CommandContext.IdArgument("companyId");
        var updateBody = Pax8CommandContext.BodyOption();
        var update = new Command("update", "Change fields of a company from a JSON body (CompanyUpdate).") { updateId, updateBody };
        Pax8CommandContext.SetAction(update, async (c, p) => await c.UpdateCompanyAsync(await Pax8CommandContext.ReadBodyAsync<CompanyUpdate>(p.GetValue(updateBody)), p.GetValue(updateId)!, p.Token));
        companies.Subcommands.Add(update);
        return companies;
    }

    private static Command Contacts()
    {
        var contacts = new Command("contacts", "Contacts of a company.");
        Option<string> CompanyOption() => new("--company") { Description = "The company id.", Required = true };

        var listCompany = CompanyOption();
        var list = Pax8CommandContext.ListCommand("list", "List the contacts of a company.");
        list.Options.Add(listCompany);
        Pax8CommandContext.SetListAction(
            list,
            (c, p, page, size) => c.FindContactsAsync(p.GetValue(listCompany)!, page, size, p.Token),
            (c, p, size) => c.FindContactsAllAsync(p.GetValue(listCompany)!, size),
            page => page.Content);
        contacts.Subcommands.Add(list);

        var getCompany = CompanyOption();
        var getId = Pax8CommandContext.IdArgument("contactId");
        var get = new Command("get", "Show one contact.") { getCompany, getId };
        Pax8CommandContext.SetAction(get, (c, p) => c.FindContactByIdAsync(p.GetValue(getCompany)!, p.GetValue(getId)!, p.Token));
        contacts.Subcommands.Add(get);

        var createCompany = CompanyOption();
        var createBody = Pax8CommandContext.BodyOption();
        var create = new Command("create", "Create a contact from a JSON body (Contact).") { createCompany, createBody };
        Pax8CommandContext.SetAction(create, async (c, p) => await c.CreateContactAsync(await Pax8CommandContext.ReadBodyAsync<ContactCreate>(p.GetValue(createBody)), p.GetValue(createCompany)!, p.Token));
        contacts.Subcommands.Add(create);

        var updateCompany = CompanyOption();
        var updateId = Pax8CommandContext.IdArgument("contactId");
        var updateBody = Pax8CommandContext.BodyOption();
        var update = new Command("update", "Replace a contact from a JSON body (Contact).") { updateCompany, updateId, updateBody };
        Pax8CommandContext.SetAction(update, async (c, p) => await c.UpdateContactAsync(await Pax8CommandContext.ReadBodyAsync<ContactUpdate>(p.GetValue(updateBody)), p.GetValue(updateCompany)!, p.GetValue(updateId)!, p.Token));
        contacts.Subcommands.Add(update);

        var deleteCompany = CompanyOption();
        var deleteId = Pax8CommandContext.IdArgument("contactId");
        var delete = new Command("delete", "Delete a contact.") { deleteCompany, deleteId };
        Pax8CommandContext.SetAction(delete, async (c, p) =>
        {
            await c.DeleteContactAsync(p.GetValue(deleteCompany)!, p.GetValue(deleteId)!, p.Token);
            return (object?)null;
        });
        contacts.Subcommands.Add(delete);
        return contacts;
    }

    private static Command Products()
    {
        var products = new Command("products", "The product catalogue.");
        var search = new Option<string?>("--search") { Description = "Match name, vendor, SKU or id." };
        var vendor = new Option<string?>("--vendor") { Description = "Only this vendor." };
        var sort = new Option<string?>("--sort") { Description = "name or vendor, optionally ',asc' or ',desc'." };
        var list = Pax8CommandContext.ListCommand("list", "List products.");
        list.Options.Add(search);
        list.Options.Add(vendor);
        list.Options.Add(sort);
        Pax8CommandContext.SetListAction(
            list,
            (c, p, page, size) => c.FindAllProductsAsync(page, size, p.GetValue(sort) is { } order ? new ProductSort(order) : default(ProductSort?), p.GetValue(search), p.GetValue(vendor), p.Token),
            (c, p, size) => c.FindAllProductsAllAsync(size, p.GetValue(sort) is { } order ? new ProductSort(order) : default(ProductSort?), p.GetValue(search), p.GetValue(vendor)),
            page => page.Content);
        products.Subcommands.Add(list);

        Command ById(string name, string description, Func<Pax8Client, string, CancellationToken, Task<object?>> call)
        {
            var id = Pax8CommandContext.IdArgument("productId");
            var command = new Command(name, description) { id };
            Pax8CommandContext.SetAction(command, (c, p) => call(c, p.GetValue(id)!, p.Token));
            return command;
        }

        products.Subcommands.Add(ById("get", "Show one product with its description.", async (c, id, ct) => await c.FindProductByProductIdAsync(id, ct)));
        products.Subcommands.Add(ById("provisioning-details", "What an order of the product must provide.", async (c, id, ct) => (await c.FindProvisionDetailsByProductIdAsync(id, ct)).Content));
        products.Subcommands.Add(ById("dependencies", "Commitment terms and required products.", async (c, id, ct) => await c.FindProductDependenciesByProductIdAsync(id, ct)));

        var pricingId = Pax8CommandContext.IdArgument("productId");
        var pricingCompany = new Option<string?>("--company") { Description = "Company-specific pricing." };
        var pricing = new Command("pricing", "Prices and rates of a product.") { pricingId, pricingCompany };
        Pax8CommandContext.SetAction(pricing, async (c, p) => (await c.FindPricingByProductIdAsync(p.GetValue(pricingId)!, p.GetValue(pricingCompany), p.Token)).Content);
        products.Subcommands.Add(pricing);
        return products;
    }

    private static Command Orders()
    {
        var orders = new Command("orders", "Orders.");
        var company = new Option<string?>("--company") { Description = "Only orders of this company." };
        var list = Pax8CommandContext.ListCommand("list", "List orders.");
        list.Options.Add(company);
        Pax8CommandContext.SetListAction(
            list,
            (c, p, page, size) => c.FindOrdersAsync(page, size, p.GetValue(company), cancellationToken: p.Token),
            (c, p, size) => c.FindOrdersAllAsync(size, p.GetValue(company)),
            page => page.Content);
        orders.Subcommands.Add(list);

        var id = Pax8CommandContext.IdArgument("orderId");
        var get = new Command("get", "Show one order.") { id };
        Pax8CommandContext.SetAction(get, async (c, p) => await c.FindOrdersByOrderIdAsync(p.GetValue(id)!, p.Token));
        orders.Subcommands.Add(get);

        var body = Pax8CommandContext.BodyOption();
        var mock = new Option<bool>("--mock") { Description = "Validate only (isMock=true): nothing is ordered." };
        var create = new Command("create", "Place an order from a JSON body (CreateOrder). Sent once, never retried.") { body, mock };
        Pax8CommandContext.SetAction(create, async (c, p) => await c.CreateOrderAsync(await Pax8CommandContext.ReadBodyAsync<CreateOrder>(p.GetValue(body)), p.GetValue(mock) ? true : null, p.Token));
        orders.Subcommands.Add(create);
        return orders;
    }

    private static Command Subscriptions()
    {
        var subscriptions = new Command("subscriptions", "Subscriptions.");
        var company = new Option<string?>("--company") { Description = "Only subscriptions of this company." };
        var status = new Option<string?>("--status") { Description = "A subscription status, e.g. Active." };
        var list = Pax8CommandContext.ListCommand("list", "List subscriptions.");
        list.Options.Add(company);
        list.Options.Add(status);
        Pax8CommandContext.SetListAction(
            list,
            (c, p, page, size) => c.FindSubscriptionsAsync(page, size, status: Pax8CommandContext.Enum<SubscriptionStatus>(p.GetValue(status)), companyId: p.GetValue(company), cancellationToken: p.Token),
            (c, p, size) => c.FindSubscriptionsAllAsync(size, status: Pax8CommandContext.Enum<SubscriptionStatus>(p.GetValue(status)), companyId: p.GetValue(company)),
            page => page.Content);
        subscriptions.Subcommands.Add(list);

        var id = Pax8CommandContext.IdArgument("subscriptionId");
        var get = new Command("get", "Show one subscription.") { id };
        Pax8CommandContext.SetAction(get, async (c, p) => await c.FindSubscriptionBySubscriptionIdAsync(p.GetValue(id)!, p.Token));
        subscriptions.Subcommands.Add(get);

        var historyId = Pax8CommandContext.IdArgument("subscriptionId");
        var history = new Command("history", "Past versions of a subscription.") { historyId };
        Pax8CommandContext.SetAction(history, async (c, p) => (await c.FindSubscriptionHistoryBySubscriptionIdAsync(p.GetValue(historyId)!, p.Token)).Content);
        subscriptions.Subcommands.Add(history);

        var updateId = Pax8CommandContext.IdArgument("subscriptionId");
        var updateBody = Pax8CommandContext.BodyOption();
        var update = new Command("update", "Change quantity, price, billing term or start date from a JSON body (SubscriptionUpdate).") { updateId, updateBody };
        Pax8CommandContext.SetAction(update, async (c, p) => await c.UpdateSubscriptionAsync(await Pax8CommandContext.ReadBodyAsync<SubscriptionUpdate>(p.GetValue(updateBody)), p.GetValue(updateId)!, p.Token));
        subscriptions.Subcommands.Add(update);

        var cancelId = Pax8CommandContext.IdArgument("subscriptionId");
        var cancelDate = new Option<DateTimeOffset?>("--cancel-date") { Description = "When to cancel (ISO 8601); default: as soon as Pax8 allows." };
        var cancel = new Command("cancel", "Cancel a subscription.") { cancelId, cancelDate };
        Pax8CommandContext.SetAction(cancel, async (c, p) =>
        {
            await c.CancelSubscriptionAsync(p.GetValue(cancelId)!, p.GetValue(cancelDate), p.Token);
            return (object?)null;
        });
        subscriptions.Subcommands.Add(cancel);
        return subscriptions;
    }

    private static Command Invoices()
    {
        var invoices = new Command("invoices", "Invoices and their items.");
        var company = new Option<string?>("--company") { Description = "Only invoices of this company." };
        var status = new Option<string?>("--status") { Description = "Unpaid, Paid, Void, Carried, Nothing Due or Credited." };
        var list = Pax8CommandContext.ListCommand("list", "List invoices.");
        list.Options.Add(company);
        list.Options.Add(status);
        Pax8CommandContext.SetListAction(
            list,
            (c, p, page, size) => c.FindPartnerInvoicesAsync(page, size, status: Pax8CommandContext.Enum<Pax8InvoiceStatus>(p.GetValue(status)), companyId: p.GetValue(company), cancellationToken: p.Token),
            (c, p, size) => c.FindPartnerInvoicesAllAsync(size, status: Pax8CommandContext.Enum<Pax8InvoiceStatus>(p.GetValue(status)), companyId: p.GetValue(company)),
            page => page.Content);
        invoices.Subcommands.Add(list);

        var id = Pax8CommandContext.IdArgument("invoiceId");
        var get = new Command("get", "Show one invoice.") { id };
        Pax8CommandContext.SetAction(get, async (c, p) => await c.GetPartnerInvoiceAsync(p.GetValue(id)!, p.Token));
        invoices.Subcommands.Add(get);

        var itemsId = Pax8CommandContext.IdArgument("invoiceId");
        var items = Pax8CommandContext.ListCommand("items", "Items of an invoice.");
        items.Arguments.Add(itemsId);
        Pax8CommandContext.SetListAction(
            items,
            (c, p, page, size) => c.FindPartnerInvoiceItemsAsync(p.GetValue(itemsId)!, page, size, p.Token),
            (c, p, size) => c.FindPartnerInvoiceItemsAllAsync(p.GetValue(itemsId)!, size),
            page => page.Content);
        invoices.Subcommands.Add(items);

        var draftCompany = new Option<string?>("--company") { Description = "Only this company." };
        var nextMonth = new Option<bool>("--next-month") { Description = "Next month's draft instead of this month's." };
        var draft = Pax8CommandContext.ListCommand("draft-items", "Items of the draft invoice (estimate).");
        draft.Options.Add(draftCompany);
        draft.Options.Add(nextMonth);
        Pax8CommandContext.SetListAction(
            draft,
            (c, p, page, size) => c.FindPartnerDraftInvoiceItemsAsync(page, size, p.GetValue(nextMonth) ? MonthOffset.NextMonth : MonthOffset.CurrentMonth, p.GetValue(draftCompany), p.Token),
            (c, p, size) => c.FindPartnerDraftInvoiceItemsAllAsync(size, p.GetValue(nextMonth) ? MonthOffset.NextMonth : MonthOffset.CurrentMonth, p.GetValue(draftCompany)),
            page => page.Content);
        invoices.Subcommands.Add(draft);
        return invoices;
    }

    private static Command Usage()
    {
        var usage = new Command("usage", "Usage summaries and usage lines.");
        var subscription = Pax8CommandContext.IdArgument("subscriptionId");
        var summaries = Pax8CommandContext.ListCommand("summaries", "Usage summaries of a subscription.");
        summaries.Arguments.Add(subscription);
        Pax8CommandContext.SetListAction(
            summaries,
            (c, p, page, size) => c.FindSubscriptionUsageSummariesAsync(p.GetValue(subscription)!, page, size, cancellationToken: p.Token),
            (c, p, size) => c.FindSubscriptionUsageSummariesAllAsync(p.GetValue(subscription)!, size),
            page => page.Content);
        usage.Subcommands.Add(summaries);

        var summaryId = Pax8CommandContext.IdArgument("usageSummaryId");
        var get = new Command("get", "Show one usage summary.") { summaryId };
        Pax8CommandContext.SetAction(get, async (c, p) => await c.FindSubscriptionUsageSummaryAsync(p.GetValue(summaryId)!, p.Token));
        usage.Subcommands.Add(get);

        var linesId = Pax8CommandContext.IdArgument("usageSummaryId");
        var date = new Option<DateOnly>("--date") { Description = "The usage date (yyyy-MM-dd).", Required = true };
        var lines = Pax8CommandContext.ListCommand("lines", "Usage lines of a summary for one day.");
        lines.Arguments.Add(linesId);
        lines.Options.Add(date);
        static DateTimeOffset Day(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Pax8CommandContext.SetListAction(
            lines,
            (c, p, page, size) => c.FindUsageLinesAsync(Day(p.GetValue(date)), p.GetValue(linesId)!, page, size, cancellationToken: p.Token),
            (c, p, size) => c.FindUsageLinesAllAsync(Day(p.GetValue(date)), p.GetValue(linesId)!, size),
            page => page.Content);
        usage.Subcommands.Add(lines);
        return usage;
    }

    private static Command TenantId()
    {
        var id = Pax8CommandContext.IdArgument("companyId");
        var command = new Command("tenant-id", "EXPERIMENTAL, undocumented portal API: the Microsoft 365 tenant id of a company.") { id };
        Pax8CommandContext.SetExperimentalAction(command, async (c, p) => await c.GetCompanyMsTenantIdAsync(p.GetValue(id)!, cancellationToken: p.Token));
        return command;
    }
}
