using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.SmartPay;

/// <summary>
/// Reads SmartPay's <c>errors</c>/<c>warnings</c> maps in every shape seen on the wire: the 2019 object map
/// <c>{"1001": "Invalid key"}</c>, the 2018 array of pairs <c>[[789, "Incorrect key"]]</c> (A2), PHP's empty
/// array <c>[]</c>, and numeric messages. Codes stay strings (leading zeros matter: <c>0002</c>).
/// </summary>
internal static class SmartPayErrorMaps
{
    public static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Reads a map from a parsed token; <see langword="null"/> and JSON null give an empty map.</summary>
    public static Dictionary<string, string> Read(JToken? token)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    map[property.Name] = Text(property.Value);
                }

                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    switch (array[i])
                    {
                        case JArray { Count: >= 2 } pair:
                            map[Text(pair[0])] = Text(pair[1]);
                            break;
                        case JObject entry when entry["code"] is { } code:
                            map[Text(code)] = Text(entry["message"]);
                            break;
                        case JObject entry:
                            foreach (var property in entry.Properties())
                            {
                                map[property.Name] = Text(property.Value);
                            }

                            break;
                        case { } other:
                            map[i.ToString(CultureInfo.InvariantCulture)] = Text(other);
                            break;
                    }
                }

                break;
            case JValue { Type: not JTokenType.Null and not JTokenType.Undefined } value:
                // A bare message: keep it under an empty code rather than lose it.
                map[string.Empty] = Text(value);
                break;
        }

        return map;
    }

    /// <summary>Reads the map named <paramref name="member"/> from a raw JSON body; empty when absent or not JSON.</summary>
    public static IReadOnlyDictionary<string, string> ReadMember(string? body, string member)
    {
        if (TryParseObject(body) is { } root && root.TryGetValue(member, StringComparison.Ordinal, out var token))
        {
            return Read(token);
        }

        return Empty;
    }

    /// <summary>Parses a body that is a JSON object; <see langword="null"/> for anything else.</summary>
    public static JObject? TryParseObject(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.AsSpan().TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(body))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 128,
            };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Renders a map as <c>code: message; code: message</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> map) =>
        string.Join("; ", map.Select(entry => entry.Key.Length == 0 ? entry.Value : entry.Key + ": " + entry.Value));

    private static string Text(JToken? token) => token switch
    {
        null => string.Empty,
        JValue { Type: JTokenType.Null or JTokenType.Undefined } => string.Empty,
        JValue { Type: JTokenType.Boolean } value => (bool)value! ? "true" : "false",
        JValue value => Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => token.ToString(Formatting.None),
    };
}
