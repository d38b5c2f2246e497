using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Hosting;

namespace Tessera.Sandbox.Pax8;

/// <summary>
/// The Pax8 Partner API under <c>/pax8/v1</c>, mirroring the server path of specs/pax8.yaml: the token operation, the
/// bearer-token and rate-limit gate in front of everything else, and the 29 partner operations (one partial file per
/// resource). Handlers write their own responses (no model binding), so every status code and body is explicit.
/// </summary>
internal sealed partial class Pax8Endpoints
{
    private static readonly string[] CompanyStatuses = ["Active", "Inactive", "Deleted"];
    private static readonly string[] ContactTypes = ["Admin", "Billing", "Technical"];
    private static readonly string[] BillingTerms = ["Monthly", "Annual", "2-Year", "3-Year", "One-Time", "Trial", "Activation"];
    private static readonly string[] OrderStatuses = ["Completed", "Processing", "Failed", "PendingManual"];
    private static readonly string[] InvoiceStatuses = ["Unpaid", "Paid", "Void", "Carried", "Nothing Due", "Credited"];
    private static readonly string[] SubscriptionStatuses =
        ["Active", "Cancelled", "PendingManual", "PendingAutomated", "PendingCancel", "WaitingForDetails", "Trial", "Converted", "PendingActivation", "Activated"];

    private readonly Pax8Store store;
    private readonly Pax8Tokens tokens;
    private readonly FixedWindowRequestLimiter limiter;
    private readonly SandboxOptions options;
    private readonly Pax8Webhooks webhooks;

    public Pax8Endpoints(Pax8Store store, Pax8Tokens tokens, FixedWindowRequestLimiter limiter, SandboxOptions options, Pax8Webhooks webhooks)
    {
        this.store = store;
        this.webhooks = webhooks;
        this.tokens = tokens;
        this.limiter = limiter;
        this.options = options;
    }

    private DateTimeOffset Now => store.Now;

    /// <summary>Maps every Pax8 route.</summary>
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Pax8Errors.RoutePrefix + "/token", CreateAccessTokenAsync);

        var v1 = app.MapGroup(Pax8Errors.RoutePrefix);
        v1.MapGet("/companies", Json(FindCompanies));
        v1.MapPost("/companies", JsonBody(CreateCompany));
        v1.MapGet("/companies/{companyId}", Json(FindCompanyById));
        v1.MapPatch("/companies/{companyId}", JsonBody(UpdateCompany));
        v1.MapGet("/companies/{companyId}/contacts", Json(FindContacts));
        v1.MapPost("/companies/{companyId}/contacts", JsonBody(CreateContact));
        v1.MapGet("/companies/{companyId}/contacts/{contactId}", Json(FindContactById));
        v1.MapPut("/companies/{companyId}/contacts/{contactId}", JsonBody(UpdateContact));
        v1.MapDelete("/companies/{companyId}/contacts/{contactId}", NoContent(DeleteContact));

        v1.MapGet("/products", Json(FindAllProducts));
        v1.MapGet("/products/{productId}", Json(FindProductByProductId));
        v1.MapGet("/products/{productId}/provision-details", Json(FindProvisionDetailsByProductId));
        v1.MapGet("/products/{productId}/dependencies", Json(FindProductDependenciesByProductId));
        v1.MapGet("/products/{productId}/pricing", Json(FindPricingByProductId));

        v1.MapGet("/orders", Json(FindOrders));
        v1.MapPost("/orders", JsonBody(CreateOrder));
        v1.MapGet("/orders/{orderId}", Json(FindOrdersByOrderId));

        v1.MapGet("/subscriptions", Json(FindSubscriptions));
        v1.MapGet("/subscriptions/{subscriptionId}", Json(FindSubscriptionBySubscriptionId));
        v1.MapPut("/subscriptions/{subscriptionId}", JsonBody(UpdateSubscription));
        v1.MapDelete("/subscriptions/{subscriptionId}", NoContent(CancelSubscription));
        v1.MapGet("/subscriptions/{subscriptionId}/history", Json(FindSubscriptionHistoryBySubscriptionId));
        v1.MapGet("/subscriptions/{subscriptionId}/usage-summaries", Json(FindSubscriptionUsageSummaries));

        v1.MapGet("/invoices", Json(FindPartnerInvoices));
        v1.MapGet("/invoices/draftItems", Json(FindPartnerDraftInvoiceItems));
        v1.MapGet("/invoices/{invoiceId}", Json(GetPartnerInvoice));
        v1.MapGet("/invoices/{invoiceId}/items", Json(FindPartnerInvoiceItems));

        v1.MapGet("/usage-summaries/{usageSummaryId}", Json(FindSubscriptionUsageSummary));
        v1.MapGet("/usage-summaries/{usageSummaryId}/usage-lines", Json(FindUsageLines));

        MapPortal(app);
        MapWebhooks(app);
    }

    /// <summary>
    /// Middleware in front of the partner operations and the portal call: a valid, unexpired bearer token is required (401 with the
    /// <c>Error</c> body otherwise), then the per-client rate limit applies (429 with <c>Retry-After</c>).
    /// </summary>
    public async Task AuthorizeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        var gated = path.StartsWithSegments(Pax8Errors.RoutePrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(Pax8Errors.PortalPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(Pax8Errors.WebhooksPrefix, StringComparison.OrdinalIgnoreCase);
        if (!gated || path.Equals(Pax8Errors.RoutePrefix + "/token", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var check = tokens.Check(context.Request.Headers.Authorization.ToString(), out var token);
        if (check != Pax8TokenCheck.Valid)
        {
            var message = check switch
            {
                Pax8TokenCheck.Missing => "Full authentication is required to access this resource",
                Pax8TokenCheck.Expired => "The access token has expired",
                Pax8TokenCheck.WrongAudience => "The access token was not issued for the Partner API audience",
                _ => "The access token is invalid",
            };
            context.Response.Headers.WWWAuthenticate = check == Pax8TokenCheck.Missing
                ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + message + "\"";
            await Pax8Errors.WriteAsync(context, StatusCodes.Status401Unauthorized, message).ConfigureAwait(false);
            return;
        }

        if (!limiter.TryAcquire(token!.ClientId, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Pax8Errors.WriteAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                string.Create(CultureInfo.InvariantCulture, $"Too many requests: the limit is {options.Pax8RequestsPerMinute} requests per minute. Retry after {seconds} seconds.")).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task CreateAccessTokenAsync(HttpContext context)
    {
        tokens.CountRequest();
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            await OAuthErrorAsync(context, 400, "invalid_request", "The request body must be a JSON object with client_id, client_secret, audience and grant_type").ConfigureAwait(false);
            return;
        }

        string? Field(string name) => body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        var clientId = Field("client_id");
        var clientSecret = Field("client_secret");
        var audience = Field("audience");
        var grantType = Field("grant_type");
        var missing = new[] { ("client_id", clientId), ("client_secret", clientSecret), ("audience", audience), ("grant_type", grantType) }
            .FirstOrDefault(field => string.IsNullOrEmpty(field.Item2)).Item1;
        if (missing is not null)
        {
            await OAuthErrorAsync(context, 400, "invalid_request", "Missing required parameter: " + missing).ConfigureAwait(false);
            return;
        }

        if (grantType != "client_credentials")
        {
            await OAuthErrorAsync(context, 400, "unsupported_grant_type", "Unsupported grant type: " + grantType).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(clientId, options.Pax8ClientId, StringComparison.Ordinal)
            || !string.Equals(clientSecret, options.Pax8ClientSecret, StringComparison.Ordinal))
        {
            await OAuthErrorAsync(context, 401, "access_denied", "Unauthorized").ConfigureAwait(false);
            return;
        }

        if (!Pax8Tokens.Audiences.Contains(audience!))
        {
            await OAuthErrorAsync(context, 401, "access_denied", "Service not found: " + audience).ConfigureAwait(false);
            return;
        }

        var token = tokens.Issue(clientId!, audience!);
        var response = new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
            // D12: scope and expires_at are on the wire although TokenResponse does not document them.
            ["scope"] = Pax8Tokens.IsPartnerAudience(audience!) ? "partner:api" : "vendor:" + audience!["api://".Length..],
            ["expires_at"] = Pax8Json.IsoDateTime(token.ExpiresAt),
        };
        context.Response.Headers.CacheControl = "no-store";
        await Pax8Json.WriteAsync(context, StatusCodes.Status200OK, response).ConfigureAwait(false);
    }

    private static async Task OAuthErrorAsync(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new JsonObject { ["error"] = error, ["error_description"] = description };
        await context.Response.WriteAsync(body.ToJsonString(Pax8Json.WireOptions), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }

    private static RequestDelegate Json(Func<HttpContext, JsonNode> handler) =>
        context => Pax8Json.WriteAsync(context, StatusCodes.Status200OK, handler(context));

    private static RequestDelegate JsonBody(Func<HttpContext, JsonObject, JsonNode> handler) =>
        async context =>
        {
            var body = await Pax8Body.ReadObjectAsync(context.Request).ConfigureAwait(false);
            await Pax8Json.WriteAsync(context, StatusCodes.Status200OK, handler(context, body)).ConfigureAwait(false);
        };

    private static RequestDelegate NoContent(Action<HttpContext> handler) =>
        context =>
        {
            handler(context);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        };

    /// <summary>Reads a UUID route value; one that is malformed or unknown is a 404 in the API's words.</summary>
    private static Guid RouteId(HttpContext context, string name, string resource)
    {
        var text = context.Request.RouteValues[name] as string ?? string.Empty;
        return Guid.TryParseExact(text, "D", out var id) ? id : throw Pax8Errors.NotFound(resource, text);
    }

    private Pax8Company CompanyFromRoute(HttpContext context)
    {
        var id = RouteId(context, "companyId", "Company");
        return store.CompaniesById.TryGetValue(id, out var company) ? company : throw Pax8Errors.NotFound("Company", id.ToString());
    }

    /// <summary>A <c>companyId</c> query filter must name an existing company (404 otherwise, as Pax8 documents).</summary>
    private Guid? CompanyFilter(HttpContext context)
    {
        var companyId = Pax8Query.Uuid(context.Request, "companyId");
        if (companyId is { } id && !store.CompaniesById.ContainsKey(id))
        {
            throw Pax8Errors.NotFound("Company", id.ToString());
        }

        return companyId;
    }

    private static Pax8ErrorDetail Problem(string path, string message) => new(message, path, "VALIDATION", 422);

    /// <summary>Reads a date-time the way clients send it (ISO 8601; a '+' in the offset may arrive as a space).</summary>
    private static bool TryParseDateTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
}
