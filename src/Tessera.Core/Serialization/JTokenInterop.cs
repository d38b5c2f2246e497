using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Serialization;

/// <summary>
/// Moves untyped JSON between the two serializers. Json.NET reads untyped members (<c>object</c> properties and
/// extension data) as <see cref="JToken"/>, which System.Text.Json cannot write (it would enumerate a
/// <see cref="JObject"/> as a collection); System.Text.Json reads them as <see cref="JsonElement"/>, which Json.NET
/// cannot write. Both sides therefore keep <see cref="JToken"/> values, read with the client's settings.
/// </summary>
internal static class JTokenInterop
{
    /// <summary>Writes <paramref name="value"/> as System.Text.Json would write it if it knew Json.NET's types.</summary>
    public static void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JToken token:
                // Json.NET's own text of the token: exactly what the client would have written.
                writer.WriteRawValue(token.ToString(Formatting.None), skipInputValidation: false);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer, options);
                break;
            default:
                System.Text.Json.JsonSerializer.Serialize(writer, value, value.GetType(), options);
                break;
        }
    }

    /// <summary>Reads the JSON value at <paramref name="reader"/> into the <see cref="JToken"/> Json.NET would have read.</summary>
    public static JToken Read(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Parse(document.RootElement.GetRawText());
    }

    /// <summary>Turns System.Text.Json's untyped values into <see cref="JToken"/>; anything else is returned as is.</summary>
    public static object? Normalize(object? value) => value switch
    {
        JsonElement element => FromElement(element),
        JsonNode node => Parse(node.ToJsonString()),
        _ => value,
    };

    /// <summary>
    /// The token Json.NET reads for <paramref name="element"/>: strings, booleans, null and whole numbers that fit a
    /// long directly (the same values Json.NET's reader gives them); fractions, larger numbers, objects and arrays by
    /// Json.NET's own reader over the element's text, so its number parsing decides.
    /// </summary>
    private static JToken FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new JValue(element.GetString());
            case JsonValueKind.True:
                return new JValue(true);
            case JsonValueKind.False:
                return new JValue(false);
            case JsonValueKind.Null:
                return JValue.CreateNull();
            case JsonValueKind.Number when element.TryGetInt64(out var whole) && IsPlainInteger(element):
                return new JValue(whole);
            default:
                return Parse(element.GetRawText());
        }
    }

    /// <summary>No fraction and no exponent: what Json.NET reads as an integer (the raw bytes, not a copy of them).</summary>
    private static bool IsPlainInteger(JsonElement number) =>
        System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(number).IndexOfAny(".eE"u8) < 0;

    private static JToken Parse(string json)
    {
        // The client's reading rules (ClientJsonSettings): dates stay strings, floats are decimals.
        using var reader = new JsonTextReader(new StringReader(json))
        {
            ArrayPool = JsonCharArrayPool.Instance,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 128,
        };
        return JToken.ReadFrom(reader);
    }
}
