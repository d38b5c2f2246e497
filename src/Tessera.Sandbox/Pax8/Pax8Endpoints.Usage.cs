using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>Usage summaries of usage-based subscriptions and their daily usage lines.</summary>
internal sealed partial class Pax8Endpoints
{
    private static readonly string[] UsageSummarySortFields = ["resourceGroup", "currentCharges", "partnerTotal"];

    private JsonNode FindSubscriptionUsageSummaries(HttpContext context)
    {
        var request = context.Request;
        var paging = Pax8Query.Paging(request);
        var sort = Pax8Query.Sort(request, UsageSummarySortFields);
        var resourceGroup = Pax8Query.Text(request, "resourceGroup");
        lock (store.Sync)
        {
            var subscription = SubscriptionFromRoute(context);
            var companyId = CompanyFilter(context);
            var summaries = store.UsageSummaries.Where(summary =>
                summary.SubscriptionId == subscription.Id
                && (resourceGroup is null || string.Equals(summary.ResourceGroup, resourceGroup, StringComparison.OrdinalIgnoreCase))
                && (companyId is null || summary.CompanyId == companyId));
            var sorted = Pax8Query.OrderBy(summaries, sort, field => field switch
            {
                "currentCharges" => summary => summary.CurrentCharges,
                "partnerTotal" => summary => summary.PartnerTotal,
                _ => summary => summary.ResourceGroup,
            });

            // D7: listed through a subscription, summaries leave companyId out.
            return Pax8Query.PageOf(sorted, paging, summary => Pax8Json.UsageSummary(summary, includeCompanyId: false));
        }
    }

    private Pax8UsageSummary UsageSummaryFromRoute(HttpContext context)
    {
        var id = RouteId(context, "usageSummaryId", "Usage Summary");
        return store.UsageSummariesById.TryGetValue(id, out var summary) ? summary : throw Pax8Errors.NotFound("Usage Summary", id.ToString());
    }

    private JsonNode FindSubscriptionUsageSummary(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8Json.UsageSummary(UsageSummaryFromRoute(context), includeCompanyId: true);
        }
    }

    private JsonNode FindUsageLines(HttpContext context)
    {
        var request = context.Request;
        var paging = Pax8Query.Paging(request);
        var usageDate = Pax8Query.Date(request, "usageDate")
            ?? throw Pax8Errors.BadRequest(
                "Required request parameter 'usageDate' for method parameter type LocalDate is not present",
                new Pax8ErrorDetail("usageDate is required (yyyy-MM-dd)", "usageDate"));
        var productId = Pax8Query.Uuid(request, "productId");
        lock (store.Sync)
        {
            var summary = UsageSummaryFromRoute(context);
            var lines = UsageLinesFor(summary, usageDate)
                .Where(line => productId is null || line.ProductId == productId)
                .ToList();
            return Pax8Query.PageOf(lines, paging, Pax8Json.UsageLine);
        }
    }

    /// <summary>
    /// The usage lines of one day, generated on demand from a seed derived from the summary and the day (so the
    /// same day always reads the same), one line per meter of the product; none before usage started or in the future.
    /// </summary>
    private List<Pax8UsageLine> UsageLinesFor(Pax8UsageSummary summary, DateOnly day)
    {
        if (day < summary.UsageStart || day > store.Today)
        {
            return [];
        }

        var product = store.ProductsById[summary.ProductId];
        var random = new Random(Pax8Ids.StableSeed(store.Seed, summary.Id, day.DayNumber));
        var lines = new List<Pax8UsageLine>();
        for (var index = 0; index < product.Meters.Count; index++)
        {
            var (name, unit, unitPrice) = product.Meters[index];
            var quantity = unit switch
            {
                "Hours" => Math.Round((decimal)(random.NextDouble() * 48) + 1, 2),
                "GB" => Math.Round((decimal)(random.NextDouble() * 400) + 5, 3),
                "Disk/Month" => Math.Round((decimal)random.Next(1, 8) / 30m, 4),
                _ => random.Next(1, 40),
            };
            var charges = Pax8Money.Round(quantity * unitPrice);
            var partnerTotal = Pax8Money.Round(charges * 0.85m);
            lines.Add(new Pax8UsageLine(
                summary.Id,
                day,
                name,
                index == 0 ? product.Id : Pax8Ids.FromName("pax8-usage-product:" + name),
                unit,
                quantity,
                charges,
                charges - partnerTotal,
                partnerTotal,
                unitPrice,
                summary.CurrencyCode,
                summary.IsTrial));
        }

        return lines;
    }
}
