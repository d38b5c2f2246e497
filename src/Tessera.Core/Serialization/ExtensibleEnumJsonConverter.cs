using System.Globalization;
using Newtonsoft.Json;
using Tessera.Core.Drift;

namespace Tessera.Core.Serialization;

/// <summary>
/// Reads and writes an <see cref="IExtensibleEnum{TSelf}"/> (and its nullable form) as a JSON string. Numbers and
/// booleans are accepted and kept as their invariant text, because some APIs send enum values unquoted.
/// </summary>
/// <typeparam name="T">The enumeration struct.</typeparam>
public sealed class ExtensibleEnumJsonConverter<T> : JsonConverter, ISystemTextJsonReadMirror
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(objectType);
        T value;
        switch (reader.TokenType)
        {
            case JsonToken.Null or JsonToken.Undefined:
                return objectType == typeof(T?) ? null : default(T);
            case JsonToken.String:
                value = T.FromValue((string)reader.Value!);
                break;
            case JsonToken.Integer or JsonToken.Float:
                value = T.FromValue(Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!);
                WireDrift.Record(DriftKind.TypeMismatch, reader, $"number for {typeof(T).Name}");
                break;
            case JsonToken.Boolean:
                value = T.FromValue((bool)reader.Value! ? "true" : "false");
                WireDrift.Record(DriftKind.TypeMismatch, reader, $"boolean for {typeof(T).Name}");
                break;
            default:
                throw new JsonSerializationException(
                    $"Cannot read {typeof(T).Name} from a JSON {reader.TokenType} at path '{reader.Path}': expected a string.");
        }

        if (!value.IsKnown)
        {
            // Enum values are vocabulary, not data: the value itself (cut short) is what a discrepancy note needs.
            var text = value.Value.Length <= 64 ? value.Value : string.Concat(value.Value.AsSpan(0, 63), "…");
            WireDrift.Record(DriftKind.UnknownEnumValue, reader, $"{typeof(T).Name} \"{text}\"");
        }

        return value;
    }

    /// <summary>Known values as strings: an unknown value, a number or a boolean goes to this converter (drift).</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter)
    {
        converter = typeToConvert == typeof(T) ? new StrictExtensibleEnumSystemTextJsonReader<T>() : null;
        return converter is not null;
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        var member = (T)value;

        // A known value goes back in its documented spelling (Pax8 reads "Pax8Partner" but only accepts "Pax8 Partner").
        writer.WriteValue(member.Canonical ?? member.Value);
    }
}
