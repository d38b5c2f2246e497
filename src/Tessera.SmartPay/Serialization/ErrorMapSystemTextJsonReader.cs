using System.Text.Json;
using System.Text.Json.Serialization;
using Tessera.Core.Serialization;

namespace Tessera.SmartPay;

/// <summary>
/// The System.Text.Json mirror of <see cref="ErrorMapConverter"/> (see <see cref="MirroredSystemTextJsonReader"/>): the
/// JSON value is read into the token Json.NET would have loaded and mapped by the same <see cref="SmartPayErrorMaps.Read"/>.
/// </summary>
internal sealed class ErrorMapSystemTextJsonReader : JsonConverter<ErrorMap>
{
    public static readonly ErrorMapSystemTextJsonReader Instance = new();

    public override ErrorMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var map = new ErrorMap();
        if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
        {
            // The usual success envelope: "errors": [] — an empty map, as SmartPayErrorMaps.Read gives for it.
            var ahead = reader;
            if (ahead.Read() && ahead.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
            {
                reader.Read();
                return map;
            }
        }

        foreach (var (code, message) in SmartPayErrorMaps.Read(JTokenInterop.Read(ref reader)))
        {
            map[code] = message;
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, ErrorMap value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A reading mirror only.");
}
