using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tessera.Sandbox.Smartex;

/// <summary>
/// Typed reads of a JSON request body. <c>null</c> counts as absent (the PHP client sends every key, unset ones as
/// null or <c>""</c>); a value of the wrong type ends the request with a 400.
/// </summary>
internal sealed class SmartexBody
{
    private readonly JsonObject json;

    private SmartexBody(JsonObject json) => this.json = json;

    public static SmartexBody Parse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) is JsonObject json ? new SmartexBody(json) : throw SmartexErrors.BadRequest("The request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw SmartexErrors.BadRequest("The request body must be a JSON object");
        }
    }

    public bool Has(string name) => json[name] is not null;

    public JsonNode? Node(string name) => json[name];

    /// <summary>A string field; an empty string counts as absent unless <paramref name="keepEmpty"/>.</summary>
    public string? String(string name, int? maxLength = null, bool keepEmpty = false)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw SmartexErrors.BadRequest(name + " must be a string");
        }

        var text = value.GetValue<string>();
        if (maxLength is { } max && text.Length > max)
        {
            throw SmartexErrors.BadRequest(string.Create(CultureInfo.InvariantCulture, $"{name} must be at most {max} characters"));
        }

        return text.Length == 0 && !keepEmpty ? null : text;
    }

    /// <summary>A number (a numeric string is tolerated, as BitPay does).</summary>
    public decimal? Decimal(string name)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number when value.TryGetValue<decimal>(out var number):
                    return number;
                case JsonValueKind.String when decimal.TryParse(value.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
            }
        }

        throw SmartexErrors.BadRequest(name + " must be a number");
    }

    public bool? Boolean(string name)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw SmartexErrors.BadRequest(name + " must be a boolean");
    }
}

/// <summary>Query-string and field validation shared by the Smartex handlers.</summary>
internal static partial class SmartexRequest
{
    public static readonly string[] InvoiceStatuses = ["new", "paid", "confirmed", "complete", "expired", "invalid"];
    public static readonly string[] BillStatuses = ["draft", "sent", "paid", "complete"];
    public static readonly string[] TransactionSpeeds = ["high", "medium", "low"];

    public static string? Query(HttpRequest request, string name)
    {
        var values = request.Query[name];
        return values.Count == 0 || string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    public static int? QueryInteger(HttpRequest request, string name, int minimum)
    {
        var text = Query(request, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw SmartexErrors.BadRequest(string.Create(CultureInfo.InvariantCulture, $"{name} must be an integer of at least {minimum}"));
    }

    public static string? QueryEnum(HttpRequest request, string name, string[] allowed)
    {
        var text = Query(request, name);
        return text is null || allowed.Contains(text, StringComparer.Ordinal)
            ? text
            : throw SmartexErrors.BadRequest(name + " must be one of " + string.Join(", ", allowed));
    }

    /// <summary>
    /// A date-window bound: <c>YYYY-MM-DD</c> (midnight UTC; as an end bound the whole day is included) or epoch
    /// milliseconds (spec S5: both forms are on the wire).
    /// </summary>
    public static DateTimeOffset? QueryDate(HttpRequest request, string name, bool end)
    {
        var text = Query(request, name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return end ? midnight.AddDays(1) : midnight;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis) && millis <= 253402300799999)
        {
            var instant = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            return end ? instant.AddMilliseconds(1) : instant;
        }

        throw SmartexErrors.BadRequest(name + " must be a date (YYYY-MM-DD) or epoch milliseconds");
    }

    /// <summary>
    /// An absolute http(s) URL. The spec requires https for <c>notificationURL</c>; the sandbox also takes plain http
    /// to a loopback host (a local IPN receiver has no certificate).
    /// </summary>
    public static string? Url(SmartexBody body, string name, bool httpsOnly)
    {
        var text = body.String(name);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw SmartexErrors.BadRequest(name + " must be an absolute http(s) URL");
        }

        if (httpsOnly && uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw SmartexErrors.BadRequest(name + " must be an https URL");
        }

        return text;
    }

    public static string? Email(SmartexBody body, string name, int? maxLength = null)
    {
        var text = body.String(name, maxLength);
        if (text is null)
        {
            return null;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < text.Length - 1 && !text.Contains(' ', StringComparison.Ordinal)
            ? text
            : throw SmartexErrors.BadRequest(name + " must be an email address");
    }

    /// <summary>An ISO-8601 date or date-time (bill <c>dueDate</c>), kept as sent.</summary>
    public static string? DateOrDateTime(SmartexBody body, string name)
    {
        var text = body.String(name);
        if (text is null)
        {
            return null;
        }

        var isDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        var isDateTime = Rfc3339DateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
        return isDate || isDateTime ? text : throw SmartexErrors.BadRequest(name + " must be an ISO-8601 date or date-time");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339DateTime();
}
