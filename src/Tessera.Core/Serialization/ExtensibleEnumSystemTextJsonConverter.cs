using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Serialization;

/// <summary>
/// The System.Text.Json counterpart of <see cref="ExtensibleEnumJsonConverter{T}"/>: writes an
/// <see cref="IExtensibleEnum{TSelf}"/> as its JSON string (the documented spelling of a known value, an unknown value
/// verbatim) and reads any string, and numbers and booleans as their text, as leniently as the Json.NET converter.
/// The generated structs carry it as an attribute, so ASP.NET Core (which serializes with System.Text.Json) writes
/// <c>"active"</c> instead of the struct's properties without the application registering anything.
/// </summary>
/// <typeparam name="T">The enumeration struct.</typeparam>
public sealed class ExtensibleEnumSystemTextJsonConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <summary>A JSON null reads as <see langword="default"/> (an empty value), as with Json.NET.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => default,
        JsonTokenType.String => T.FromValue(reader.GetString()!),

        // The number as written (Json.NET reads floats as decimals and keeps their digits too).
        JsonTokenType.Number => T.FromValue(RawText(ref reader)),
        JsonTokenType.True => T.FromValue("true"),
        JsonTokenType.False => T.FromValue("false"),
        _ => throw new JsonException($"Cannot read {typeof(T).Name} from a JSON {reader.TokenType}: expected a string."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // What Json.NET writes: a known value in its documented spelling, an unknown one as received.
        writer.WriteStringValue(value.Canonical ?? value.Value);
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromValue(reader.GetString()!);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Canonical ?? value.Value);
    }

    private static string RawText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray()) : Encoding.UTF8.GetString(reader.ValueSpan);
}
