using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>One entry of <c>Error.details</c> (spec schema <c>ErrorDetail</c>).</summary>
internal sealed record Pax8ErrorDetail(string Message, string? Instance = null, string? Type = null, int? Status = null);

/// <summary>
/// Raised by handlers and request parsers to end a request with the spec's <c>Error</c> envelope; the error middleware
/// turns it into the response, so validation code can stay linear.
/// </summary>
internal sealed class Pax8ErrorException : Exception
{
    public Pax8ErrorException(int status, string message, IReadOnlyList<Pax8ErrorDetail>? details = null)
        : base(message)
    {
        Status = status;
        Details = details ?? [];
    }

    public Pax8ErrorException()
        : this(500, "Internal Server Error")
    {
    }

    public Pax8ErrorException(string message)
        : this(500, message)
    {
    }

    public Pax8ErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Details = [];
    }

    public int Status { get; }

    public IReadOnlyList<Pax8ErrorDetail> Details { get; }
}

/// <summary>Builds and writes the Partner API's error envelope (spec schema <c>Error</c>).</summary>
internal static class Pax8Errors
{
    /// <summary>The API prefix of the sandbox; errors report paths under Pax8's internal <c>/public/v1</c> prefix instead.</summary>
    public const string RoutePrefix = "/pax8/v1";

    /// <summary>The undocumented portal API (<c>https://app.pax8.com/p8p/api/v3</c>) of the experimental client.</summary>
    public const string PortalPrefix = "/pax8/p8p/api/v3";

    /// <summary>The Webhooks API v2 (<c>https://api.pax8.com/api/v2</c>, specs/pax8-webhooks.yaml).</summary>
    public const string WebhooksPrefix = "/pax8/api/v2";

    public static Pax8ErrorException NotFound(string resource, string id) =>
        new(404, string.Create(CultureInfo.InvariantCulture, $"{resource} Not Found: {id}"));

    public static Pax8ErrorException BadRequest(string message, params Pax8ErrorDetail[] details) =>
        new(400, message, details);

    public static Pax8ErrorException Unprocessable(string message, IReadOnlyList<Pax8ErrorDetail> details) =>
        new(422, message, details);

    public static Pax8ErrorException Forbidden(string message) => new(403, message);

    public static string TypeFor(int status) => status switch
    {
        400 => "BAD_REQUEST",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        408 => "REQUEST_TIMEOUT",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        422 => "UNPROCESSABLE_ENTITY",
        429 => "TOO_MANY_REQUESTS",
        _ => status >= 500 ? "INTERNAL_SERVER_ERROR" : "ERROR",
    };

    /// <summary>The path as the real API reports it in <c>instance</c>: <c>/public/v1/companies/&lt;id&gt;</c>.</summary>
    public static string InstanceFor(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (path.StartsWith(WebhooksPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return "/api/v2" + path[WebhooksPrefix.Length..];
        }

        return path.StartsWith(RoutePrefix, StringComparison.OrdinalIgnoreCase)
            ? "/public/v1" + path[RoutePrefix.Length..]
            : path;
    }

    public static JsonObject Body(int status, string message, string instance, IEnumerable<Pax8ErrorDetail> details)
    {
        var detailArray = new JsonArray();
        foreach (var detail in details)
        {
            var item = new JsonObject();
            if (detail.Type is not null)
            {
                item["type"] = detail.Type;
            }

            item["message"] = detail.Message;
            if (detail.Instance is not null)
            {
                item["instance"] = detail.Instance;
            }

            if (detail.Status is { } detailStatus)
            {
                item["status"] = detailStatus;
            }

            detailArray.Add(item);
        }

        return new JsonObject
        {
            ["type"] = TypeFor(status),
            ["message"] = message,
            ["instance"] = instance,
            ["status"] = status,
            ["details"] = detailArray,
        };
    }

    public static async Task WriteAsync(HttpContext context, int status, string message, IEnumerable<Pax8ErrorDetail>? details = null)
    {
        var body = Body(status, message, InstanceFor(context.Request), details ?? []);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(Pax8Json.WireOptions), Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
    }
}
