using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Generated.Smartex.Tests.Infrastructure;

/// <summary>Renders recorded requests as stable, reviewable text: method, URL, sorted headers, pretty JSON body.</summary>
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
                text.Append('\n').Append(PrettyJson(request.Body)).Append('\n');
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
}
