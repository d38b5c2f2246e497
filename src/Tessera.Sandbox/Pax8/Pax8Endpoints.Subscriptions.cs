using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>Subscriptions: listing, reading, updating, cancelling and their history.</summary>
internal sealed partial class Pax8Endpoints
{
    private static readonly string[] SubscriptionSortFields = ["quantity", "startDate", "endDate", "createdDate", "billingStart", "price"];

    private JsonNode FindSubscriptions(HttpContext context)
    {
        var request = context.Request;
        var paging = Pax8Query.Paging(request);
        var sort = Pax8Query.Sort(request, SubscriptionSortFields);
        var status = Pax8Query.OneOf(request, "status", SubscriptionStatuses);
        var billingTerm = Pax8Query.OneOf(request, "billingTerm", BillingTerms);
        var companyId = Pax8Query.Uuid(request, "companyId");
        var productId = Pax8Query.Uuid(request, "productId");
        lock (store.Sync)
        {
            // Pax8 answers 403 "Invalid companyId" for a company that is not the partner's.
            if (companyId is { } id && !store.CompaniesById.ContainsKey(id))
            {
                throw Pax8Errors.Forbidden("Invalid companyId");
            }

            var subscriptions = store.Subscriptions.Where(subscription =>
                (status is null || subscription.Status == status)
                && (billingTerm is null || subscription.BillingTerm == billingTerm)
                && (companyId is null || subscription.CompanyId == companyId)
                && (productId is null || subscription.ProductId == productId));
            var sorted = Pax8Query.OrderBy(subscriptions, sort, field => field switch
            {
                "quantity" => subscription => subscription.Quantity,
                "startDate" => subscription => subscription.StartDate.Value,
                "endDate" => subscription => subscription.EndDate?.Value,
                "billingStart" => subscription => subscription.BillingStart,
                "price" => subscription => subscription.Price,
                _ => subscription => subscription.CreatedDate.Value,
            });
            return Pax8Query.PageOf(sorted, paging, Pax8Json.Subscription);
        }
    }

    private Pax8Subscription SubscriptionFromRoute(HttpContext context)
    {
        var id = RouteId(context, "subscriptionId", "Subscription");
        return store.SubscriptionsById.TryGetValue(id, out var subscription) ? subscription : throw Pax8Errors.NotFound("Subscription", id.ToString());
    }

    private JsonNode FindSubscriptionBySubscriptionId(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8Json.Subscription(SubscriptionFromRoute(context));
        }
    }

    private JsonNode FindSubscriptionHistoryBySubscriptionId(HttpContext context)
    {
        lock (store.Sync)
        {
            var subscription = SubscriptionFromRoute(context);
            return Pax8Json.Content(new JsonArray([.. subscription.History.Select(snapshot => snapshot.DeepClone())]));
        }
    }

    private JsonNode UpdateSubscription(HttpContext context, JsonObject body)
    {
        var problems = new List<Pax8ErrorDetail>();
        var quantity = Pax8Body.Number(body, "quantity", "quantity");
        var price = Pax8Body.Number(body, "price", "price");
        var billingTerm = Pax8Body.String(body, "billingTerm", "billingTerm");
        var startDateText = Pax8Body.String(body, "startDate", "startDate");
        var provisioning = Pax8Body.Array(body, "provisioningDetails", "provisioningDetails");
        if (quantity is null && price is null && billingTerm is null && startDateText is null)
        {
            problems.Add(Problem("body", "at least one of price, billingTerm, quantity or startDate is required"));
        }

        if (quantity is { } newQuantity && (newQuantity < 1 || decimal.Truncate(newQuantity) != newQuantity))
        {
            problems.Add(Problem("quantity", "quantity must be a whole number of at least 1"));
        }

        if (price < 0)
        {
            problems.Add(Problem("price", "price must not be negative"));
        }

        if (billingTerm is not null && !BillingTerms.Contains(billingTerm))
        {
            problems.Add(Problem("billingTerm", "billingTerm must be one of " + string.Join(", ", BillingTerms)));
        }

        DateTimeOffset? startDate = null;
        if (startDateText is not null)
        {
            if (!TryParseDateTime(startDateText, out var parsed))
            {
                problems.Add(Problem("startDate", "startDate must be an ISO 8601 date-time"));
            }
            else if (parsed > Now.AddDays(1))
            {
                problems.Add(Problem("startDate", "Scheduled (future-dated) subscription changes are not supported"));
            }
            else
            {
                startDate = parsed;
            }
        }

        lock (store.Sync)
        {
            var subscription = SubscriptionFromRoute(context);
            var product = store.ProductsById[subscription.ProductId];
            if (subscription.Status == "Cancelled")
            {
                problems.Add(Problem("subscriptionId", "Subscription " + subscription.Id + " is cancelled and cannot be updated"));
            }

            var commitment = subscription.Commitment is { } current ? product.Commitments.Find(term => term.Id == current.Id) : null;
            if (quantity < subscription.Quantity && commitment is { AllowForQuantityDecrease: false })
            {
                problems.Add(Problem("quantity", "the quantity cannot be decreased during the " + commitment.Term + " commitment term"));
            }

            Pax8PricingEntry? newPricing = null;
            if (billingTerm is not null && billingTerm != subscription.BillingTerm && BillingTerms.Contains(billingTerm))
            {
                newPricing = product.Pricing.Find(entry => entry.BillingTerm == billingTerm && entry.Commitment?.Id == subscription.Commitment?.Id);
                if (newPricing is null)
                {
                    problems.Add(Problem("billingTerm", "billingTerm " + billingTerm + " is not available for this subscription's product and commitment"));
                }
            }

            if (provisioning is not null)
            {
                CheckProvisioningAnswers(product, provisioning, "provisioningDetails", problems);
            }

            if (problems.Count > 0)
            {
                throw Pax8Errors.Unprocessable("Invalid subscription update", problems);
            }

            if (newPricing is not null)
            {
                var rate = Pax8Rules.RateFor(newPricing, quantity ?? subscription.Quantity);
                subscription.BillingTerm = newPricing.BillingTerm;
                subscription.Price = rate.SuggestedRetailPrice;
                subscription.PartnerCost = rate.PartnerBuyRate;
            }

            if (quantity is { } q)
            {
                subscription.Quantity = q;
            }

            if (price is { } p)
            {
                subscription.Price = p;
            }

            if (startDate is { } start)
            {
                var mountainStart = Pax8Json.ToMountainTime(start);
                subscription.StartDate = new WireDateTime(mountainStart, WireDateStyle.ColonlessOffset);
                subscription.BillingStart = DateOnly.FromDateTime(mountainStart.DateTime);
            }

            if (provisioning is { Count: > 0 } && subscription.Status == "WaitingForDetails")
            {
                subscription.Status = "Active";
            }

            subscription.UpdatedDate = new WireDateTime(Pax8Json.ToMountainTime(Now), WireDateStyle.ColonlessOffset);
            var json = Pax8Json.Subscription(subscription);
            subscription.History.Add((JsonObject)json.DeepClone());
            return json;
        }
    }

    private void CancelSubscription(HttpContext context)
    {
        var cancelDateText = Pax8Query.Text(context.Request, "cancelDate");
        DateTimeOffset? cancelDate = null;
        if (cancelDateText is not null)
        {
            cancelDate = TryParseDateTime(cancelDateText, out var parsed)
                ? parsed
                : throw Pax8Errors.BadRequest(
                    string.Create(CultureInfo.InvariantCulture, $"Invalid value '{cancelDateText}' for parameter 'cancelDate'"),
                    new Pax8ErrorDetail("expected an ISO 8601 date-time such as 2000-10-31T01:30:00.000-05:00", "cancelDate"));
        }

        lock (store.Sync)
        {
            var subscription = SubscriptionFromRoute(context);
            if (subscription.Status == "Cancelled")
            {
                throw Pax8Errors.Unprocessable(
                    "Invalid subscription cancel",
                    [Problem("subscriptionId", "Subscription " + subscription.Id + " is already cancelled")]);
            }

            var now = Now;

            // A future cancel date schedules the cancellation; otherwise it takes effect now.
            var effective = cancelDate is { } date && date > now ? date : now;
            subscription.Status = effective > now ? "PendingCancel" : "Cancelled";
            subscription.EndDate = new WireDateTime(Pax8Json.ToMountainTime(effective), WireDateStyle.DateOnly);
            subscription.UpdatedDate = new WireDateTime(Pax8Json.ToMountainTime(now), WireDateStyle.ColonlessOffset);
            subscription.History.Add(Pax8Json.Subscription(subscription));
        }
    }
}
