using System.Globalization;
using Newtonsoft.Json;

namespace Tessera.Core.Serialization;

/// <summary>
/// Reads and writes an <see cref="IExtensibleEnum{TSelf}"/> (and its nullable form) as a JSON string. Numbers and
/// booleans are accepted and kept as their invariant text, because some APIs send enum values unquoted.
/// </summary>
/// <typeparam name="T">The enumeration struct.</typeparam>
public sealed class ExtensibleEnumJsonConverter<T> : JsonConverter
    where T : struct, IExtensibleEnum<T>
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(objectType);
        return reader.TokenType switch
        {
            JsonToken.Null or JsonToken.Undefined => objectType == typeof(T?) ? null : default(T),
            JsonToken.String => T.FromValue((string)reader.Value!),
            JsonToken.Integer or JsonToken.Float => T.FromValue(Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!),
            JsonToken.Boolean => T.FromValue((bool)reader.Value! ? "true" : "false"),
            _ => throw new JsonSerializationException(
                $"Cannot read {typeof(T).Name} from a JSON {reader.TokenType} at path '{reader.Path}': expected a string."),
        };
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
