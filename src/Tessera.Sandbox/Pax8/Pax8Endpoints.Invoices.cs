using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>Invoices, their items, and draft items (computed from the current subscriptions).</summary>
internal sealed partial class Pax8Endpoints
{
    private static readonly string[] InvoiceSortFields = ["invoiceDate", "dueDate", "status", "partnerName", "total", "balance", "carriedBalance"];

    private JsonNode FindPartnerInvoices(HttpContext context)
    {
        var request = context.Request;
        var paging = Pax8Query.Paging(request);
        var sort = Pax8Query.Sort(request, InvoiceSortFields);
        var status = Pax8Query.OneOf(request, "status", InvoiceStatuses);
        var invoiceDate = Pax8Query.Date(request, "invoiceDate");
        var rangeStart = Pax8Query.Date(request, "invoiceDateRangeStart");
        var rangeEnd = Pax8Query.Date(request, "invoiceDateRangeEnd");
        var dueDate = Pax8Query.Date(request, "dueDate");
        var total = Pax8Query.Number(request, "total");
        var balance = Pax8Query.Number(request, "balance");
        var carriedBalance = Pax8Query.Number(request, "carriedBalance");
        lock (store.Sync)
        {
            var companyId = CompanyFilter(context);
            var invoices = store.Invoices.Where(invoice =>
                (status is null || invoice.Status == status)
                && (invoiceDate is null || invoice.InvoiceDate == invoiceDate)
                && (rangeStart is null || invoice.InvoiceDate >= rangeStart)
                && (rangeEnd is null || invoice.InvoiceDate <= rangeEnd)
                && (dueDate is null || invoice.DueDate == dueDate)
                && (total is null || invoice.Total == total)
                && (balance is null || invoice.Balance == balance)
                && (carriedBalance is null || invoice.CarriedBalance == carriedBalance)
                && (companyId is null || invoice.CompanyId == companyId));
            var sorted = Pax8Query.OrderBy(invoices, sort, field => field switch
            {
                "dueDate" => invoice => invoice.DueDate,
                "status" => invoice => invoice.Status,
                "partnerName" => invoice => invoice.PartnerName,
                "total" => invoice => invoice.Total,
                "balance" => invoice => invoice.Balance,
                "carriedBalance" => invoice => invoice.CarriedBalance,
                _ => invoice => invoice.InvoiceDate,
            });
            return Pax8Query.PageOf(sorted, paging, Pax8Json.Invoice);
        }
    }

    private Pax8Invoice InvoiceFromRoute(HttpContext context)
    {
        var id = RouteId(context, "invoiceId", "Invoice");
        return store.InvoicesById.TryGetValue(id, out var invoice) ? invoice : throw Pax8Errors.NotFound("Invoice", id.ToString());
    }

    private JsonNode GetPartnerInvoice(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8Json.Invoice(InvoiceFromRoute(context));
        }
    }

    private JsonNode FindPartnerInvoiceItems(HttpContext context)
    {
        var paging = Pax8Query.Paging(context.Request);
        lock (store.Sync)
        {
            return Pax8Query.PageOf(InvoiceFromRoute(context).Items, paging, Pax8Json.InvoiceItem);
        }
    }

    private JsonNode FindPartnerDraftInvoiceItems(HttpContext context)
    {
        var paging = Pax8Query.Paging(context.Request);
        var monthOffset = Pax8Query.Integer(context.Request, "monthOffset") ?? 1;
        if (monthOffset is not (0 or 1))
        {
            throw Pax8Errors.Unprocessable(
                "Invalid monthOffset",
                [Problem("monthOffset", string.Create(CultureInfo.InvariantCulture, $"monthOffset must be 0 (current month) or 1 (next month), was {monthOffset}"))]);
        }

        lock (store.Sync)
        {
            var companyId = CompanyFilter(context);
            var today = store.Today;
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(monthOffset);
            var items = store.Subscriptions
                .Where(subscription => companyId is null || subscription.CompanyId == companyId)
                .SelectMany(subscription => DraftItemsFor(subscription, month))
                .OrderBy(item => item.CompanyName, StringComparer.Ordinal)
                .ThenBy(item => item.ProductName, StringComparer.Ordinal)
                .ToList();
            return Pax8Query.PageOf(items, paging, Pax8Json.InvoiceItem);
        }
    }

    /// <summary>
    /// The charges a subscription will put on the invoice of <paramref name="month"/>: recurring charges of live
    /// subscriptions (annual and multi-year ones in their anniversary month) and one-time charges of the current
    /// month. Usage billed in arrears is left out, as Pax8's disclaimer says.
    /// </summary>
    private IEnumerable<Pax8InvoiceItem> DraftItemsFor(Pax8Subscription subscription, DateOnly month)
    {
        var product = store.ProductsById[subscription.ProductId];
        var endOfMonth = month.AddMonths(1).AddDays(-1);
        var created = DateOnly.FromDateTime(subscription.CreatedDate.Value.DateTime);
        var ends = subscription.EndDate is { } end ? DateOnly.FromDateTime(end.Value.DateTime) : (DateOnly?)null;
        if (product.IsUsageBased
            || subscription.Status is "Cancelled" or "Trial" or "WaitingForDetails" or "PendingActivation"
            || created > endOfMonth
            || (ends is { } endDate && endDate < month))
        {
            yield break;
        }

        var entry = product.Pricing.Find(candidate => candidate.BillingTerm == subscription.BillingTerm && candidate.Commitment?.Id == subscription.Commitment?.Id)
            ?? product.Pricing[0];
        var billedByPax8 = store.CompaniesById[subscription.CompanyId].BillOnBehalfOfEnabled;
        var id = Pax8Ids.FromName(string.Create(CultureInfo.InvariantCulture, $"pax8-draft-item:{subscription.Id}:{month.DayNumber}"));
        switch (subscription.BillingTerm)
        {
            case "One-Time" or "Activation":
                if (created >= month)
                {
                    yield return Pax8Rules.BuildInvoiceItem(store, id, subscription, product, entry, created, created, subscription.Quantity, subscription.Price, "one-time", subscription.BillingTerm, null, billedByPax8);
                }

                yield break;
            case "Annual" or "2-Year" or "3-Year":
                if (subscription.BillingStart.Month == month.Month && created < month)
                {
                    var months = subscription.BillingTerm == "Annual" ? 12 : subscription.BillingTerm == "2-Year" ? 24 : 36;
                    yield return Pax8Rules.BuildInvoiceItem(store, id, subscription, product, entry, month, month.AddMonths(months).AddDays(-1), subscription.Quantity, subscription.Price, "subscription", Pax8Rules.TermOfInvoiceItem(subscription.BillingTerm), null, billedByPax8);
                }

                yield break;
            default:
                yield return Pax8Rules.BuildInvoiceItem(store, id, subscription, product, entry, month, endOfMonth, subscription.Quantity, subscription.Price, "subscription", "Monthly", null, billedByPax8);
                yield break;
        }
    }
}
