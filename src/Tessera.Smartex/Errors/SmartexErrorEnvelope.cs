using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Smartex;

/// <summary>Recognises and reads the Smartex failure envelope (<c>ErrorResponse</c>).</summary>
internal static class SmartexErrorEnvelope
{
    private static readonly JsonSerializerSettings Settings = Tessera.Core.Serialization.ClientJsonSettings.Create();

    /// <summary>
    /// The envelope in <paramref name="response"/>'s JSON body, with the body text, or <see langword="null"/>: read from the
    /// body the wire handler buffered; a body without <c>"error</c> in it (nearly every success) costs one vectorized
    /// search and is not parsed.
    /// </summary>
    public static async Task<(SmartexErrorResponse Envelope, string Body)?> FindAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string body;
        using (var buffered = await Tessera.Core.Serialization.ResponseBody.PeekAsync(response.Content, cancellationToken).ConfigureAwait(false))
        {
            // "error" and "errors" both start so; anything else cannot be an envelope.
            if (buffered.Memory.Span.IndexOf("\"error"u8) < 0)
            {
                return null;
            }

            body = buffered.GetString();
        }

        return TryParse(body, Settings) is { } envelope ? (envelope, body) : null;
    }

    /// <summary>Parses <paramref name="body"/> and returns the envelope when it is one (non-empty <c>error</c> or <c>errors</c>).</summary>
    public static SmartexErrorResponse? TryParse(string? body, JsonSerializerSettings settings)
    {
        if (string.IsNullOrWhiteSpace(body) || body.AsSpan().TrimStart() is not ['{', ..])
        {
            return null;
        }

        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 64 };
            if (JToken.ReadFrom(reader) is not JObject parsed)
            {
                return null;
            }

            root = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        var hasError = root["error"] is { } error && !IsEmpty(error);
        var hasErrors = root["errors"] is JArray { Count: > 0 };
        if (!hasError && !hasErrors)
        {
            return null;
        }

        try
        {
            return root.ToObject<SmartexErrorResponse>(JsonSerializer.Create(settings));
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or FormatException or OverflowException or ArgumentException)
        {
            // An envelope whose members have unexpected shapes is still an error envelope.
            return new SmartexErrorResponse { Error = root["error"]?.ToString(Formatting.None) };
        }
    }

    public static Details Describe(SmartexErrorResponse envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        string? type = null;
        string? message = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (envelope.Error)
        {
            case string text:
                message = text;
                break;
            case JValue value when value.Value is not null:
                message = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case JObject detail:
                // Value<string> throws InvalidCastException when the member is an object, an array or a huge number.
                type = Text(detail["type"]);
                message = Text(detail["message"]);
                if (detail["messages"] is JObject perField)
                {
                    foreach (var field in perField.Properties())
                    {
                        fields[field.Name] = field.Value.Type == JTokenType.String ? (string)field.Value! : field.Value.ToString(Formatting.None);
                    }
                }

                break;
            case JToken other:
                message = other.ToString(Formatting.None);
                break;
        }

        var extra = (envelope.Errors ?? []).Select(item => item switch
        {
            string text => text,
            JValue value => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            JObject obj when Text(obj["message"]) is { } text => text,
            JToken token => token.ToString(Formatting.None),
            _ => item?.ToString() ?? string.Empty,
        }).Where(text => text.Length > 0).ToList();

        var messages = new List<string>();
        if (!string.IsNullOrEmpty(message))
        {
            messages.Add(message);
        }

        messages.AddRange(fields.Select(field => field.Key + ": " + field.Value));
        messages.AddRange(extra);
        message = !string.IsNullOrEmpty(message) ? message : messages.FirstOrDefault() ?? type ?? "unknown error";
        return new Details(type, message, fields, messages);
    }

    private static string? Text(JToken? token) => token switch
    {
        null or { Type: JTokenType.Null or JTokenType.Undefined } => null,
        JValue { Type: JTokenType.String } value => (string?)value.Value,
        JValue value => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => token.ToString(Formatting.None),
    };

    private static bool IsEmpty(JToken token) => token.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => true,
        JTokenType.String => string.IsNullOrEmpty((string?)token),
        JTokenType.Boolean => !(bool)token,
        JTokenType.Object => !((JObject)token).HasValues,
        JTokenType.Array => !((JArray)token).HasValues,
        _ => false,
    };

    internal sealed record Details(string? Type, string Message, IReadOnlyDictionary<string, string> FieldMessages, IReadOnlyList<string> Messages);
}
