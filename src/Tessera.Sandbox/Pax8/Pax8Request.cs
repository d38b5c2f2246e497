using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tessera.Sandbox.Pax8;

/// <summary>Reads query parameters the way the spec declares them; a malformed value ends the request with a 400.</summary>
internal static partial class Pax8Query
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 200;

    public static (int Page, int Size) Paging(HttpRequest request)
    {
        var page = Integer(request, "page") ?? 0;
        var size = Integer(request, "size") ?? DefaultPageSize;
        if (page < 0)
        {
            throw Pax8Errors.BadRequest("Page index must not be less than zero", new Pax8ErrorDetail("page must be 0 or greater", "page"));
        }

        if (size is < 1 or > MaxPageSize)
        {
            throw Pax8Errors.BadRequest(
                string.Create(CultureInfo.InvariantCulture, $"Page size must be between 1 and {MaxPageSize}"),
                new Pax8ErrorDetail(string.Create(CultureInfo.InvariantCulture, $"size must be between 1 and {MaxPageSize} (was {size})"), "size"));
        }

        return (page, size);
    }

    /// <summary>Builds the paged envelope <c>{content, page}</c> for one page of <paramref name="items"/>.</summary>
    public static JsonObject PageOf<T>(IReadOnlyList<T> items, (int Page, int Size) paging, Func<T, JsonNode> map)
    {
        var content = new JsonArray();
        var start = (long)paging.Page * paging.Size;
        for (var index = start; index < items.Count && index < start + paging.Size; index++)
        {
            content.Add(map(items[(int)index]));
        }

        return Pax8Json.Page(content, paging.Size, items.Count, paging.Page);
    }

    public static string? Text(HttpRequest request, string name)
    {
        var values = request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    public static int? Integer(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, text, "an integer");
    }

    public static bool? Boolean(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return bool.TryParse(text, out var value) ? value : throw Invalid(name, text, "true or false");
    }

    public static Guid? Uuid(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return Guid.TryParseExact(text, "D", out var value) ? value : throw Invalid(name, text, "a UUID");
    }

    public static DateOnly? Date(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Invalid(name, text, "a date (yyyy-MM-dd)");
    }

    public static decimal? Number(HttpRequest request, string name)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, text, "a number");
    }

    /// <summary>A parameter whose schema is an enum: the value must be one of <paramref name="allowed"/>.</summary>
    public static string? OneOf(HttpRequest request, string name, IReadOnlyCollection<string> allowed)
    {
        var text = Text(request, name);
        if (text is null)
        {
            return null;
        }

        return allowed.Contains(text) ? text : throw Invalid(name, text, "one of " + string.Join(", ", allowed));
    }

    /// <summary>Reads <c>sort=field[,asc|desc]</c>; the field must be one the operation's pattern names.</summary>
    public static (string Field, bool Descending)? Sort(HttpRequest request, IReadOnlyCollection<string> fields)
    {
        var text = Text(request, "sort");
        if (text is null)
        {
            return null;
        }

        var match = SortPattern().Match(text);
        if (!match.Success || !fields.Contains(match.Groups["field"].Value))
        {
            throw Invalid("sort", text, "fieldName or fieldName,asc|desc with fieldName one of " + string.Join(", ", fields));
        }

        return (match.Groups["field"].Value, match.Groups["direction"].Value == "desc");
    }

    /// <summary>Orders <paramref name="items"/> by a key; nulls sort last in either direction (stable).</summary>
    public static List<T> OrderBy<T>(IEnumerable<T> items, (string Field, bool Descending)? sort, Func<string, Func<T, IComparable?>> keyFor)
    {
        if (sort is not { } order)
        {
            return [.. items];
        }

        var key = keyFor(order.Field);
        var comparer = Comparer<IComparable?>.Create((left, right) =>
        {
            if (left is null || right is null)
            {
                return left is null ? (right is null ? 0 : 1) : -1;
            }

            var result = left is string leftText && right is string rightText
                ? string.Compare(leftText, rightText, StringComparison.OrdinalIgnoreCase)
                : left.CompareTo(right);
            return order.Descending ? -result : result;
        });
        return [.. items.OrderBy(key, comparer)];
    }

    private static Pax8ErrorException Invalid(string name, string value, string expected) =>
        Pax8Errors.BadRequest(
            string.Create(CultureInfo.InvariantCulture, $"Invalid value '{value}' for parameter '{name}'"),
            new Pax8ErrorDetail("expected " + expected, name));

    [GeneratedRegex("^(?<field>[A-Za-z]+)(,(?<direction>asc|desc))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SortPattern();
}

/// <summary>Reads JSON request bodies: unparsable JSON or a wrong JSON type is a 400, like the real API's parser.</summary>
internal static partial class Pax8Body
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw Pax8Errors.BadRequest("Malformed JSON request body", new Pax8ErrorDetail(exception.Message));
        }

        return node as JsonObject ?? throw Pax8Errors.BadRequest("The request body must be a JSON object");
    }

    public static string? String(JsonObject body, string name, string path)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw WrongType(path, "a string");
    }

    public static bool? Boolean(JsonObject body, string name, string path)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(path, "a boolean"),
        };
    }

    public static decimal? Number(JsonObject body, string name, string path)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<decimal>(out var value)
            ? value
            : throw WrongType(path, "a number");
    }

    public static JsonObject? Object(JsonObject body, string name, string path)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node as JsonObject ?? throw WrongType(path, "an object");
    }

    public static JsonArray? Array(JsonObject body, string name, string path)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node as JsonArray ?? throw WrongType(path, "an array");
    }

    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    public static Pax8ErrorException WrongType(string path, string expected) =>
        Pax8Errors.BadRequest(
            "JSON parse error: " + path + " must be " + expected,
            new Pax8ErrorDetail(path + " must be " + expected, path));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
