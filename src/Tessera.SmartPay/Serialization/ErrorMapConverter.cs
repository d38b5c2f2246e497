using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.SmartPay;

/// <summary>
/// Reads <see cref="ErrorMap"/> (<c>errors</c>, <c>warnings</c>) in every shape SmartPay has sent: the object map,
/// the 2018 array of <c>[code, message]</c> pairs (A2), PHP's empty array <c>[]</c> and numeric messages. Writes the
/// object map.
/// </summary>
internal sealed class ErrorMapConverter : JsonConverter, Tessera.Core.Serialization.ISystemTextJsonReadMirror
{
    public override bool CanConvert(Type objectType) => objectType == typeof(ErrorMap);

    /// <summary>The same map from the same JSON token (<see cref="ErrorMapSystemTextJsonReader"/>).</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter)
    {
        converter = typeToConvert == typeof(ErrorMap) ? ErrorMapSystemTextJsonReader.Instance : null;
        return converter is not null;
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType is JsonToken.Null or JsonToken.Undefined)
        {
            return null;
        }

        var map = new ErrorMap();
        foreach (var (code, message) in SmartPayErrorMaps.Read(JToken.Load(reader)))
        {
            map[code] = message;
        }

        return map;
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not ErrorMap map)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartObject();
        foreach (var (code, message) in map)
        {
            writer.WritePropertyName(code);
            writer.WriteValue(message);
        }

        writer.WriteEndObject();
    }
}
