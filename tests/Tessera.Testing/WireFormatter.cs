using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Testing;

/// <summary>
/// Renders recorded requests as stable, reviewable text: method, URL, sorted headers, then the body — a form body
/// one field per line exactly as encoded on the wire, a JSON body pretty-printed.
/// </summary>
public static class WireFormatter
{
    private static readonly HashSet<string> VolatileHeaders = new(StringComparer.OrdinalIgnoreCase) { "traceparent", "tracestate", "Content-Length", "Request-Id" };

    public static string Format(IEnumerable<RecordedRequest> requests)
    {
        var text = new StringBuilder();
        foreach (var request in requests)
        {
            text.Append(request.Method).Append(' ').Append(request.Uri.AbsoluteUri).Append('\n');
            foreach (var (name, value) in request.Headers.Where(h => !VolatileHeaders.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            {
                text.Append(name).Append(": ").Append(value).Append('\n');
            }

            if (!string.IsNullOrEmpty(request.Body))
            {
                var isForm = request.Headers.TryGetValue("Content-Type", out var type) && type.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
                text.Append('\n').Append(isForm ? string.Join('\n', request.Body.Split('&')) : PrettyJson(request.Body)).Append('\n');
            }

            text.Append("---\n");
        }

        return text.ToString();
    }

    public static string PrettyJson(string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            return JToken.ReadFrom(reader).ToString(Formatting.Indented);
        }
        catch (JsonReaderException)
        {
            return json;
        }
    }

    /// <summary>The decoded fields of a form body.</summary>
    public static Dictionary<string, string> FormFields(string? body) =>
        (body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('=', 2))
            .ToDictionary(
                pair => Uri.UnescapeDataString(pair[0].Replace('+', ' ')),
                pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : string.Empty,
                StringComparer.Ordinal);
}
