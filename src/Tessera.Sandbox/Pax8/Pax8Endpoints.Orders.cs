using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>Orders: listing, reading and placing them (placing creates the subscriptions).</summary>
internal sealed partial class Pax8Endpoints
{
    /// <summary>D2: the only spelling createOrder accepts; orders read back as <c>Pax8Partner</c>.</summary>
    private const string OrderedByOnCreate = "Pax8 Partner";
    private const string OrderedByOnRead = "Pax8Partner";

    private sealed record LineItemInput(
        int LineItemNumber,
        Pax8Product Product,
        Pax8PricingEntry Pricing,
        decimal Quantity,
        DateTimeOffset? ProvisionStartDate,
        Guid? ParentSubscriptionId,
        int? ParentLineItemNumber,
        bool HasProvisioningAnswers);

    private JsonNode FindOrders(HttpContext context)
    {
        var paging = Pax8Query.Paging(context.Request);
        var status = Pax8Query.OneOf(context.Request, "status", OrderStatuses);
        lock (store.Sync)
        {
            var companyId = CompanyFilter(context);

            // Newest first: orders placed through the sandbox come before the seeded history.
            var orders = Enumerable.Reverse(store.Orders)
                .Where(order => (companyId is null || order.CompanyId == companyId) && (status is null || order.Status == status))
                .OrderByDescending(order => order.CreatedDate)
                .ToList();
            return Pax8Query.PageOf(orders, paging, Pax8Json.Order);
        }
    }

    private JsonNode FindOrdersByOrderId(HttpContext context)
    {
        var id = RouteId(context, "orderId", "Order");
        lock (store.Sync)
        {
            return store.OrdersById.TryGetValue(id, out var order) ? Pax8Json.Order(order) : throw Pax8Errors.NotFound("Order", id.ToString());
        }
    }

    private JsonNode CreateOrder(HttpContext context, JsonObject body)
    {
        var isMock = Pax8Query.Boolean(context.Request, "isMock") ?? false;
        var problems = new List<Pax8ErrorDetail>();
        var companyIdText = Pax8Body.String(body, "companyId", "companyId");
        var orderedBy = Pax8Body.String(body, "orderedBy", "orderedBy");
        var email = Pax8Body.String(body, "orderedByUserEmail", "orderedByUserEmail");
        var lineItemsJson = Pax8Body.Array(body, "lineItems", "lineItems");

        lock (store.Sync)
        {
            Pax8Company? company = null;
            if (companyIdText is null)
            {
                problems.Add(Problem("companyId", "companyId is required"));
            }
            else if (!Guid.TryParseExact(companyIdText, "D", out var companyId) || !store.CompaniesById.TryGetValue(companyId, out company))
            {
                problems.Add(Problem("companyId", "Company Not Found: " + companyIdText));
            }
            else if (company.Status == "Deleted")
            {
                problems.Add(Problem("companyId", "Company " + companyIdText + " is deleted"));
            }

            if (orderedBy is not null && orderedBy != OrderedByOnCreate)
            {
                problems.Add(Problem("orderedBy", "orderedBy must be '" + OrderedByOnCreate + "' (with a space) when set"));
            }

            if (email is not null && !Pax8Body.IsEmail(email))
            {
                problems.Add(Problem("orderedByUserEmail", "orderedByUserEmail must be a valid email address"));
            }

            var lines = new List<LineItemInput>();
            if (lineItemsJson is null || lineItemsJson.Count == 0)
            {
                problems.Add(Problem("lineItems", "lineItems must contain at least one line item"));
            }
            else
            {
                for (var index = 0; index < lineItemsJson.Count; index++)
                {
                    var path = $"lineItems[{index}]";
                    var itemJson = lineItemsJson[index] as JsonObject ?? throw Pax8Body.WrongType(path, "an object");
                    if (ReadLineItem(itemJson, path, company, problems) is { } line)
                    {
                        lines.Add(line);
                    }
                }

                CheckLineItemReferences(lines, company, problems);
            }

            if (problems.Count > 0)
            {
                throw Pax8Errors.Unprocessable("Invalid order", problems);
            }

            return Pax8Json.Order(PlaceOrder(company!, lines, email, isMock));
        }
    }

    private LineItemInput? ReadLineItem(JsonObject json, string path, Pax8Company? company, List<Pax8ErrorDetail> problems)
    {
        var count = problems.Count;
        var productIdText = Pax8Body.String(json, "productId", path + ".productId");
        var lineItemNumber = Pax8Body.Number(json, "lineItemNumber", path + ".lineItemNumber");
        var quantity = Pax8Body.Number(json, "quantity", path + ".quantity");
        var billingTerm = Pax8Body.String(json, "billingTerm", path + ".billingTerm");
        var commitmentText = Pax8Body.String(json, "commitmentTermId", path + ".commitmentTermId");
        var provisionStartText = Pax8Body.String(json, "provisionStartDate", path + ".provisionStartDate");
        var parentSubscriptionText = Pax8Body.String(json, "parentSubscriptionId", path + ".parentSubscriptionId");
        var parentLineItemNumber = Pax8Body.Number(json, "parentLineItemNumber", path + ".parentLineItemNumber");
        var provisioning = Pax8Body.Array(json, "provisioningDetails", path + ".provisioningDetails");

        Pax8Product? product = null;
        if (productIdText is null)
        {
            problems.Add(Problem(path + ".productId", "productId is required"));
        }
        else if (!Guid.TryParseExact(productIdText, "D", out var productId) || !store.ProductsById.TryGetValue(productId, out product))
        {
            problems.Add(Problem(path + ".productId", "Product Not Found: " + productIdText));
        }

        if (lineItemNumber is null)
        {
            problems.Add(Problem(path + ".lineItemNumber", "lineItemNumber is required"));
        }
        else if (lineItemNumber < 1 || decimal.Truncate(lineItemNumber.Value) != lineItemNumber)
        {
            problems.Add(Problem(path + ".lineItemNumber", "lineItemNumber must be a whole number of at least 1"));
        }

        if (quantity is null)
        {
            problems.Add(Problem(path + ".quantity", "quantity is required"));
        }
        else if (quantity < 1 || decimal.Truncate(quantity.Value) != quantity)
        {
            problems.Add(Problem(path + ".quantity", "quantity must be a whole number of at least 1"));
        }

        if (billingTerm is null)
        {
            problems.Add(Problem(path + ".billingTerm", "billingTerm is required"));
        }
        else if (!BillingTerms.Contains(billingTerm))
        {
            problems.Add(Problem(path + ".billingTerm", "billingTerm must be one of " + string.Join(", ", BillingTerms)));
        }

        DateTimeOffset? provisionStart = null;
        if (provisionStartText is not null)
        {
            if (!TryParseDateTime(provisionStartText, out var parsed))
            {
                problems.Add(Problem(path + ".provisionStartDate", "provisionStartDate must be an ISO 8601 date-time"));
            }
            else if (parsed > Now.AddDays(1))
            {
                problems.Add(Problem(path + ".provisionStartDate", "Scheduled orders (future provisionStartDate) are not supported"));
            }
            else
            {
                provisionStart = parsed;
            }
        }

        Guid? parentSubscriptionId = null;
        if (parentSubscriptionText is not null)
        {
            if (!Guid.TryParseExact(parentSubscriptionText, "D", out var parentId)
                || !store.SubscriptionsById.TryGetValue(parentId, out var parent)
                || (company is not null && parent.CompanyId != company.Id))
            {
                problems.Add(Problem(path + ".parentSubscriptionId", "Subscription Not Found for this company: " + parentSubscriptionText));
            }
            else
            {
                parentSubscriptionId = parentId;
            }
        }

        Pax8PricingEntry? pricing = null;
        if (product is not null && billingTerm is not null && BillingTerms.Contains(billingTerm))
        {
            pricing = ResolvePricing(product, billingTerm, commitmentText, path, problems);
        }

        if (product is not null && provisioning is not null)
        {
            CheckProvisioningAnswers(product, provisioning, path + ".provisioningDetails", problems);
        }

        if (problems.Count > count || product is null || pricing is null)
        {
            return null;
        }

        return new LineItemInput(
            (int)lineItemNumber!.Value,
            product,
            pricing,
            quantity!.Value,
            provisionStart,
            parentSubscriptionId,
            parentLineItemNumber is { } parentNumber ? (int)parentNumber : null,
            provisioning is { Count: > 0 });
    }

    /// <summary>
    /// Finds the price list entry for a billing term and commitment. <c>commitmentTermId</c> is required when the
    /// product requires a commitment and must be one of the product's commitment terms that is offered with that term.
    /// </summary>
    private static Pax8PricingEntry? ResolvePricing(Pax8Product product, string billingTerm, string? commitmentText, string path, List<Pax8ErrorDetail> problems)
    {
        var offered = product.Pricing.Where(entry => entry.BillingTerm == billingTerm).ToList();
        if (offered.Count == 0)
        {
            problems.Add(Problem(path + ".billingTerm", string.Create(CultureInfo.InvariantCulture,
                $"billingTerm {billingTerm} is not available for {product.Name}; available: {string.Join(", ", product.Pricing.Select(entry => entry.BillingTerm).Distinct())}")));
            return null;
        }

        if (commitmentText is null)
        {
            var withoutCommitment = offered.FirstOrDefault(entry => entry.Commitment is null);
            if (product.RequiresCommitment && withoutCommitment is null)
            {
                problems.Add(Problem(path + ".commitmentTermId", "commitmentTermId is required: " + product.Name + " requires a commitment (see GET /products/{productId}/dependencies)"));
                return null;
            }

            return withoutCommitment ?? offered[0];
        }

        if (!Guid.TryParseExact(commitmentText, "D", out var commitmentId) || product.Commitments.All(term => term.Id != commitmentId))
        {
            problems.Add(Problem(path + ".commitmentTermId", "commitmentTermId " + commitmentText + " is not a commitment term of " + product.Name));
            return null;
        }

        var match = offered.FirstOrDefault(entry => entry.Commitment?.Id == commitmentId);
        if (match is null)
        {
            var term = product.Commitments.First(candidate => candidate.Id == commitmentId).Term;
            problems.Add(Problem(path + ".commitmentTermId", "commitment term " + term + " is not offered with billing term " + billingTerm));
        }

        return match;
    }

    private static void CheckProvisioningAnswers(Pax8Product product, JsonArray answers, string path, List<Pax8ErrorDetail> problems)
    {
        for (var index = 0; index < answers.Count; index++)
        {
            var answerPath = $"{path}[{index}]";
            var answer = answers[index] as JsonObject ?? throw Pax8Body.WrongType(answerPath, "an object");
            var key = Pax8Body.String(answer, "key", answerPath + ".key");
            var values = Pax8Body.Array(answer, "values", answerPath + ".values");
            var question = product.ProvisioningDetails.Find(candidate => candidate.Key == key);
            if (question is null)
            {
                problems.Add(Problem(answerPath + ".key", "Unknown provisioning detail key '" + key + "' for " + product.Name));
                continue;
            }

            var texts = values?.Select(value => value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null).ToList() ?? [];
            if (texts.Count == 0 || texts.Any(text => text is null))
            {
                problems.Add(Problem(answerPath + ".values", "values must be a non-empty array of strings"));
            }
            else if (question.PossibleValues is { } possible && texts.Any(text => !possible.Contains(text!)))
            {
                problems.Add(Problem(answerPath + ".values", "values must be among: " + string.Join(", ", possible)));
            }
            else if (question.ValueType == "Single-Value" && texts.Count > 1)
            {
                problems.Add(Problem(answerPath + ".values", question.Key + " takes a single value"));
            }
        }
    }

    /// <summary>Cross-line checks: unique line numbers, parents that exist, and add-ons that have a base product.</summary>
    private void CheckLineItemReferences(List<LineItemInput> lines, Pax8Company? company, List<Pax8ErrorDetail> problems)
    {
        foreach (var duplicate in lines.GroupBy(line => line.LineItemNumber).Where(group => group.Count() > 1))
        {
            problems.Add(Problem("lineItems", string.Create(CultureInfo.InvariantCulture, $"lineItemNumber {duplicate.Key} is used more than once")));
        }

        foreach (var line in lines)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"lineItems[lineItemNumber={line.LineItemNumber}]");
            LineItemInput? parentLine = null;
            if (line.ParentLineItemNumber is { } parentNumber)
            {
                parentLine = lines.Find(candidate => candidate.LineItemNumber == parentNumber && candidate != line);
                if (parentLine is null)
                {
                    problems.Add(Problem(path + ".parentLineItemNumber", string.Create(CultureInfo.InvariantCulture, $"parentLineItemNumber {parentNumber} does not match another line item")));
                }
            }

            if (!line.Product.IsAddOn || company is null)
            {
                continue;
            }

            var satisfied = (parentLine is not null && line.Product.Requires.Contains(parentLine.Product))
                || (line.ParentSubscriptionId is { } parentId && line.Product.Requires.Any(required => required.Id == store.SubscriptionsById[parentId].ProductId))
                || store.Subscriptions.Any(subscription => subscription.CompanyId == company.Id
                    && subscription.Status is not ("Cancelled" or "PendingCancel")
                    && line.Product.Requires.Any(required => required.Id == subscription.ProductId));
            if (!satisfied)
            {
                problems.Add(Problem(path + ".productId", line.Product.Name + " requires one of: " + string.Join(", ", line.Product.Requires.Select(required => required.Name))));
            }
        }
    }

    /// <summary>Places the order (or, with isMock, only builds the response): one subscription per line item.</summary>
    private Pax8Order PlaceOrder(Pax8Company company, List<LineItemInput> lines, string? email, bool isMock)
    {
        var now = Now;
        var order = new Pax8Order
        {
            Id = store.NewId(),
            CompanyId = company.Id,
            CreatedDate = DateOnly.FromDateTime(Pax8Json.ToMountainTime(now).DateTime),
            OrderedBy = OrderedByOnRead, // D2
            OrderedByUserEmail = email,
            Status = "Completed",
        };

        var subscriptionsByLine = new Dictionary<int, Pax8Subscription>();
        foreach (var line in lines.OrderBy(line => line.LineItemNumber))
        {
            Pax8Subscription? subscription = null;
            if (!isMock)
            {
                var parentId = line.ParentSubscriptionId
                    ?? (line.ParentLineItemNumber is { } parentNumber && subscriptionsByLine.TryGetValue(parentNumber, out var parent) ? parent.Id : null);
                subscription = CreateSubscription(company, line, parentId, now);
                subscriptionsByLine[line.LineItemNumber] = subscription;
            }

            order.LineItems.Add(new Pax8LineItem
            {
                Id = store.NewId(),
                ProductId = line.Product.Id,
                SubscriptionId = subscription?.Id,
                CommitmentTermId = line.Pricing.Commitment?.Id,
                ProvisionStartDate = line.ProvisionStartDate ?? now,
                BillingTerm = line.Pricing.BillingTerm,
                Quantity = line.Quantity,
            });
        }

        if (isMock)
        {
            // isMock validates only: nothing is stored, the order id is never readable.
            store.MockOrderValidations++;
            return order;
        }

        if (subscriptionsByLine.Values.Any(subscription => subscription.Status == "WaitingForDetails"))
        {
            order.Status = "Processing";
        }

        // Webhooks v2: one SUBSCRIPTION event of type New per new subscription, delivered after the lock is released.
        webhooks.Raise([.. subscriptionsByLine.Values.Select(subscription => ("SUBSCRIPTION", new JsonObject
        {
            ["type"] = "New",
            ["orderId"] = order.Id.ToString("D"),
            ["companyId"] = company.Id.ToString("D"),
            ["productId"] = subscription.ProductId.ToString("D"),
            ["subscriptionId"] = subscription.Id.ToString("D"),
            ["quantity"] = subscription.Quantity,
        }))]);

        foreach (var subscription in subscriptionsByLine.Values)
        {
            store.Add(subscription);
            var product = store.ProductsById[subscription.ProductId];
            if (product.IsUsageBased)
            {
                store.Add(new Pax8UsageSummary
                {
                    Id = store.NewId(),
                    CompanyId = company.Id,
                    SubscriptionId = subscription.Id,
                    ProductId = subscription.ProductId,
                    ResourceGroup = company.Name,
                    VendorName = product.VendorName,
                    CurrentCharges = 0m,
                    CurrencyCode = subscription.CurrencyCode,
                    PartnerTotal = 0m,
                    UsageStart = subscription.BillingStart,
                });
            }
        }

        store.Add(order);
        store.CreatedOrderIds.Add(order.Id.ToString());
        return order;
    }

    private Pax8Subscription CreateSubscription(Pax8Company company, LineItemInput line, Guid? parentId, DateTimeOffset now)
    {
        var mountainNow = Pax8Json.ToMountainTime(now);
        var start = line.ProvisionStartDate is { } provisionStart ? Pax8Json.ToMountainTime(provisionStart) : mountainNow;
        var rate = Pax8Rules.RateFor(line.Pricing, line.Quantity);

        // Products with free-text provisioning questions wait for details when none were answered.
        var waiting = !line.HasProvisioningAnswers && line.Product.ProvisioningDetails.Any(question => question.ValueType == "Input");
        var subscription = new Pax8Subscription
        {
            Id = store.NewId(),
            ParentSubscriptionId = parentId,
            CompanyId = company.Id,
            ProductId = line.Product.Id,
            VendorSubscriptionId = line.Product.VendorName == "Microsoft" && !line.Product.IsUsageBased ? store.NewId().ToString() : null,
            VendorSkuId = line.Product.VendorName == "Microsoft" ? line.Product.VendorSku : null,
            Quantity = line.Quantity,
            StartDate = new WireDateTime(start, WireDateStyle.ColonlessOffset),
            CreatedDate = new WireDateTime(mountainNow, WireDateStyle.ColonlessOffset),
            UpdatedDate = new WireDateTime(mountainNow, WireDateStyle.ColonlessOffset),
            BillingStart = DateOnly.FromDateTime(start.DateTime),
            Status = waiting ? "WaitingForDetails" : line.Pricing.BillingTerm == "Trial" ? "Trial" : "Active",
            Price = rate.SuggestedRetailPrice,
            CurrencyCode = company.CurrencyCode,
            PartnerCost = rate.PartnerBuyRate,
            ProductName = line.Product.Name,
            BillingTerm = line.Pricing.BillingTerm,
            Commitment = line.Pricing.Commitment is { } term
                ? new Pax8SubscriptionCommitment(term.Id, term.Term, new WireDateTime(start.AddMonths(term.Months).AddDays(-1), WireDateStyle.DateOnly))
                : null,
        };
        subscription.History.Add(Pax8Json.Subscription(subscription));
        return subscription;
    }
}
