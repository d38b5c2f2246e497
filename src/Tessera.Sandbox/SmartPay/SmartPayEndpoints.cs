using System.Globalization;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// The SmartPay API v1.2 under <c>/smartpay/1-2/</c>, mirroring the server of specs/smartpay.yaml: every operation is a
/// POST to <c>/1-2/&lt;endpoint&gt;</c> with its inputs in the body (form or JSON), and every answer is JSON with HTTP
/// 200 - <c>{"result": ...}</c> on success, <c>{"errors": {"&lt;code&gt;": "&lt;message&gt;"}}</c> on failure (A8),
/// with a <c>warnings</c> map for ignored inputs (A10) and the top-level <c>requested_on</c> (A11). Inputs are not
/// echoed (the v1.2 docs dropped that; the spec only says the server may). One partial file per resource.
/// </summary>
internal sealed partial class SmartPayEndpoints
{
    public const string RoutePrefix = "/smartpay/1-2";
    public const int PageSize = 100;

    private static readonly string[] SessionInputs = ["token", "format"];

    private readonly SmartPayStore store;
    private readonly SmartPayTokens tokens;
    private readonly SmartPayWebhooks webhooks;
    private readonly SmartPayLifecycle lifecycle;
    private readonly SmartPaySandboxOptions options;
    private readonly Dictionary<string, Operation> operations;

    public SmartPayEndpoints(SmartPayStore store, SmartPayTokens tokens, SmartPayWebhooks webhooks, SmartPayLifecycle lifecycle, SmartPaySandboxOptions options)
    {
        this.store = store;
        this.tokens = tokens;
        this.webhooks = webhooks;
        this.lifecycle = lifecycle;
        this.options = options;
        operations = new Dictionary<string, Operation>(StringComparer.Ordinal)
        {
            ["authenticate"] = new(new HashSet<string>(["api_key", "format"], StringComparer.Ordinal), RequiresToken: false, Sync(Authenticate)),
            ["get_consumers"] = new(Session("page", "consumer_id", "custom_consumer_id", "order_id", "invoice_id", "name", "email", "created_from", "created_to"), true, Sync(GetConsumers)),
            ["create_consumer"] = new(Session([.. ConsumerFields, "is_dummy"]), true, Sync(CreateConsumer)),
            ["modify_consumer"] = new(Session(["consumer_id", .. ConsumerFields]), true, Sync(ModifyConsumer)),
            ["delete_consumer"] = new(Session("consumer_id"), true, Sync(DeleteConsumer)),
            ["get_orders"] = new(Session("page", "order_id", "custom_order_id", "consumer_id", "invoice_id", "payment_method", "created_from", "created_to"), true, Sync(GetOrders)),
            ["modify_order"] = new(Session("order_id", "custom_order_id", "recurring_amount"), true, Sync(ModifyOrder)),
            ["cancel_order"] = new(Session("order_id"), true, Sync(CancelOrder)),
            ["get_invoices"] = new(Session("page", "invoice_id", "order_id", "consumer_id", "payment_method", "created_from", "created_to"), true, Sync(GetInvoices)),
            ["cancel_invoice"] = new(Session("invoice_id"), true, Sync(CancelInvoice)),
            ["get_webhooks"] = new(Session("page", "webhook_id", "topic", "url"), true, Sync(GetWebhooks)),
            ["create_webhook"] = new(Session("topic", "url"), true, CreateWebhookAsync),
            ["modify_webhook"] = new(Session("webhook_id", "url"), true, ModifyWebhookAsync),
            ["delete_webhook"] = new(Session("webhook_id"), true, Sync(DeleteWebhook)),
        };
    }

    /// <summary>The consumer fields create_consumer and modify_consumer take (is_dummy only on create).</summary>
    private static string[] ConsumerFields =>
        ["custom_consumer_id", "first_name", "last_name", "email", "phone", "street_address", "city", "province_state", "country", "postal_code"];

    public static bool IsCustomId(string value) => value.Length is >= 1 and <= 32 && value.All(char.IsAsciiLetterOrDigit);

    /// <summary><c>POST /smartpay/1-2/{endpoint}</c>: reads the inputs, checks the session token, runs the operation.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var name = context.GetRouteValue("endpoint") as string ?? string.Empty;
        if (!operations.TryGetValue(name, out var operation))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, SmartPayErrors.InvalidEndpoint).ConfigureAwait(false);
            return;
        }

        var request = await SmartPayRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var call = new Call(request, context.RequestAborted);
        var ignored = request.Names.Where(input => !operation.Inputs.Contains(input)).ToList();
        if (request["format"] is { } format && format != "json")
        {
            ignored.Add("format");
        }

        if (ignored.Count > 0)
        {
            call.Warnings[SmartPayErrors.InputIgnored] = SmartPayErrors.Message(SmartPayErrors.InputIgnored) + ": " + string.Join(", ", ignored);
        }

        JsonObject body;
        try
        {
            if (request.Malformed)
            {
                throw SmartPayProblemException.Of(SmartPayErrors.MandatoryInput, "body", "The body is not a JSON object.");
            }

            if (operation.RequiresToken)
            {
                CheckToken(request);
            }

            body = await operation.Handler(call).ConfigureAwait(false);
        }
        catch (SmartPayProblemException problem)
        {
            body = ErrorBody(problem.Codes, problem.Fields);
        }

        if (call.Warnings.Count > 0)
        {
            body["warnings"] = Map(call.Warnings);
        }

        body["requested_on"] = SmartPayStore.FormatTimestamp(store.Now);
        await SmartPayJson.WriteAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    /// <summary>
    /// Anything else under <c>/smartpay/</c>: another method on a v1.2 endpoint (405), a retired version (8752) or an
    /// unknown path (4347, as in the spec's 400 example).
    /// </summary>
    public async Task HandleUnknownAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(RoutePrefix, StringComparison.OrdinalIgnoreCase, out var rest)
            && operations.ContainsKey(rest.Value?.Trim('/') ?? string.Empty))
        {
            context.Response.Headers.Allow = "POST";
            await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, SmartPayErrors.InvalidEndpoint).ConfigureAwait(false);
            return;
        }

        var retired = path.StartsWithSegments("/smartpay/1-0", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/smartpay/1-1", StringComparison.OrdinalIgnoreCase);
        await WriteErrorAsync(context, StatusCodes.Status400BadRequest, retired ? SmartPayErrors.VersionRetired : SmartPayErrors.InvalidEndpoint).ConfigureAwait(false);
    }

    public async Task WriteErrorAsync(HttpContext context, int status, string code)
    {
        var body = ErrorBody([code], new Dictionary<string, string>());
        body["requested_on"] = SmartPayStore.FormatTimestamp(store.Now);
        await SmartPayJson.WriteAsync(context, status, body).ConfigureAwait(false);
    }

    private static JsonObject ErrorBody(IReadOnlyList<string> codes, IReadOnlyDictionary<string, string> fields)
    {
        var body = new JsonObject { ["errors"] = Map(codes.ToDictionary(code => code, SmartPayErrors.Message)) };
        if (fields.Count > 0)
        {
            body["fields"] = Map(fields);
        }

        return body;
    }

    private static JsonObject Map(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var map = new JsonObject();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    private static HashSet<string> Session(params string[] inputs) => new([.. SessionInputs, .. inputs], StringComparer.Ordinal);

    private static Func<Call, Task<JsonObject>> Sync(Func<Call, JsonObject> handler) => call => Task.FromResult(handler(call));

    private static JsonObject Result(JsonNode result) => new() { ["result"] = result };

    private static JsonObject Success() => Result(new JsonObject { ["status"] = "success" });

    private void CheckToken(SmartPayRequest request)
    {
        switch (tokens.Check(request["token"]))
        {
            case SmartPayTokenCheck.Valid:
                return;
            case SmartPayTokenCheck.Missing:
                throw SmartPayProblemException.Of(SmartPayErrors.MandatoryInput, "token", "Required: the session token from authenticate.");
            case SmartPayTokenCheck.Expired:
                throw SmartPayProblemException.Of(SmartPayErrors.ExpiredToken);
            default:
                throw SmartPayProblemException.Of(SmartPayErrors.InvalidToken);
        }
    }

    /// <summary>A page of a list: <c>page</c>, <c>total_pages</c> (0 when nothing matches), optionally <c>number_of_results</c>, and <c>result</c>.</summary>
    private static JsonObject Page<T>(int page, IReadOnlyList<T> items, Func<T, JsonObject> write, bool numberOfResults = false)
    {
        var totalPages = (items.Count + PageSize - 1) / PageSize;
        var result = new JsonArray();
        foreach (var item in items.Skip((page - 1) * PageSize).Take(PageSize))
        {
            result.Add(write(item));
        }

        var body = new JsonObject { ["page"] = page, ["total_pages"] = totalPages };
        if (numberOfResults)
        {
            body["number_of_results"] = items.Count;
        }

        body["result"] = result;
        return body;
    }

    /// <summary>The requested page: 1 when absent; a whole number from 1 up otherwise.</summary>
    private static int ReadPage(SmartPayRequest request, SmartPayValidation validation)
    {
        var value = request["page"];
        if (string.IsNullOrEmpty(value))
        {
            return 1;
        }

        if (request.IsStructured("page") || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
        {
            validation.Invalid("page", "A page number from 1 up.");
            return 1;
        }

        return page;
    }

    /// <summary>An optional filter: null when absent or empty (an empty filter is no filter, as in PHP).</summary>
    private static string? Filter(SmartPayRequest request, string name, SmartPayValidation validation)
    {
        var value = request[name];
        if (request.IsStructured(name))
        {
            validation.Invalid(name, "A single value.");
            return null;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static DateTimeOffset? TimestampFilter(SmartPayRequest request, string name, SmartPayValidation validation)
    {
        var value = Filter(request, name, validation);
        if (value is null)
        {
            return null;
        }

        if (!SmartPayStore.TryParseTimestamp(value, out var moment))
        {
            validation.Invalid(name, "A UTC timestamp YYYY-MM-DD HH:MM:SS.");
            return null;
        }

        return moment;
    }

    private static string? PaymentMethodFilter(SmartPayRequest request, SmartPayValidation validation)
    {
        var value = Filter(request, "payment_method", validation);
        if (value is not (null or "d" or "e"))
        {
            validation.Invalid("payment_method", "d (debit) or e (Interac e-Transfer).");
            return null;
        }

        return value;
    }

    private static string? CustomIdFilter(SmartPayRequest request, string name, SmartPayValidation validation)
    {
        var value = Filter(request, name, validation);
        if (value is not null && !IsCustomId(value))
        {
            validation.Invalid(name, "Up to 32 letters or digits.");
            return null;
        }

        return value;
    }

    private static bool InRange(DateTimeOffset created, DateTimeOffset? from, DateTimeOffset? to) =>
        (from is null || created >= from) && (to is null || created <= to);

    /// <summary>The inputs of one call, the warnings it collects and its cancellation.</summary>
    private sealed class Call
    {
        public Call(SmartPayRequest request, CancellationToken cancellationToken)
        {
            Request = request;
            CancellationToken = cancellationToken;
        }

        public SmartPayRequest Request { get; }

        public CancellationToken CancellationToken { get; }

        public SortedDictionary<string, string> Warnings { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Operation(IReadOnlySet<string> Inputs, bool RequiresToken, Func<Call, Task<JsonObject>> Handler);
}
