using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// The inputs of one call, read from the body whatever its encoding (A4): <c>application/x-www-form-urlencoded</c>,
/// <c>multipart/form-data</c> or <c>application/json</c> (a flat object; numbers and booleans are read as their text).
/// A body without a known content type is read as JSON when it looks like an object, else as a form. Every value is a
/// string, as PHP sees it; a repeated form key keeps its last value.
/// </summary>
internal sealed class SmartPayRequest
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> structured;

    private SmartPayRequest(Dictionary<string, string> values, HashSet<string> structured, bool malformed)
    {
        this.values = values;
        this.structured = structured;
        Malformed = malformed;
    }

    /// <summary>The body was announced as JSON but is not a JSON object.</summary>
    public bool Malformed { get; }

    public IEnumerable<string> Names => values.Keys;

    /// <summary>The value of an input, or null when it was not sent.</summary>
    public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the input was sent as a JSON object or array (never valid: every input is a single value).</summary>
    public bool IsStructured(string name) => structured.Contains(name);

    public static async Task<SmartPayRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var structured = new HashSet<string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                values[key] = value.Count > 0 ? value[^1] ?? string.Empty : string.Empty;
            }

            return new SmartPayRequest(values, structured, malformed: false);
        }

        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        var isJson = request.ContentType is { } contentType
            && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SmartPayRequest(values, structured, malformed: false);
        }

        if (isJson || text.TrimStart().StartsWith('{'))
        {
            return ReadJson(text, values, structured);
        }

        foreach (var (key, value) in QueryHelpers.ParseQuery(text))
        {
            values[key] = value.Count > 0 ? value[^1] ?? string.Empty : string.Empty;
        }

        return new SmartPayRequest(values, structured, malformed: false);
    }

    private static SmartPayRequest ReadJson(string text, Dictionary<string, string> values, HashSet<string> structured)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new SmartPayRequest(values, structured, malformed: true);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Null or JsonValueKind.Undefined:
                        values.Remove(property.Name);
                        break;
                    case JsonValueKind.String:
                        values[property.Name] = property.Value.GetString()!;
                        break;
                    case JsonValueKind.True:
                        values[property.Name] = "true";
                        break;
                    case JsonValueKind.False:
                        values[property.Name] = "false";
                        break;
                    case JsonValueKind.Number:
                        values[property.Name] = property.Value.GetRawText();
                        break;
                    default:
                        values[property.Name] = property.Value.GetRawText();
                        structured.Add(property.Name);
                        break;
                }
            }

            return new SmartPayRequest(values, structured, malformed: false);
        }
        catch (JsonException)
        {
            return new SmartPayRequest(values, structured, malformed: true);
        }
    }
}
