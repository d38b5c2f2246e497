using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Serialization;

/// <summary>
/// The System.Text.Json mirror of <see cref="LenientDateTimeOffsetConverter"/> for <see cref="MirroredSystemTextJsonReader"/>:
/// the same date-time shapes and epoch milliseconds, to the same values; everything else (an empty string, a JSON
/// null for a non-nullable member) throws, and Json.NET reads the body.
/// </summary>
internal sealed class StrictDateTimeOffsetSystemTextJsonReader : JsonConverter<DateTimeOffset>
{
    /// <summary>Null never reaches the reader: a nullable member is null, a non-nullable one is refused.</summary>
    public override bool HandleNull => false;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientDateTimeOffsetSystemTextJsonConverter.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A reading mirror only.");
}

/// <summary>
/// The System.Text.Json mirror of <see cref="ExtensibleEnumJsonConverter{T}"/> for <see cref="MirroredSystemTextJsonReader"/>:
/// a JSON string naming a known value; an unknown value, a number or a boolean (which Json.NET reads and reports as
/// drift) throws, and Json.NET reads the body.
/// </summary>
/// <typeparam name="T">The enumeration struct.</typeparam>
internal sealed class StrictExtensibleEnumSystemTextJsonReader<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum<T>
{
    /// <summary>Json.NET reads null as null for <c>T?</c> and as <see langword="default"/> for <c>T</c>; the first is System.Text.Json's nullable handling, the second goes to Json.NET.</summary>
    public override bool HandleNull => false;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && T.FromValue(reader.GetString()!) is { IsKnown: true } value)
        {
            return value;
        }

        throw new JsonException($"Not a known {typeof(T).Name} string.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A reading mirror only.");
}

/// <summary>
/// Uris for <see cref="MirroredSystemTextJsonReader"/>: a non-empty JSON string, as <c>new Uri(text,
/// UriKind.RelativeOrAbsolute)</c> reads it in both libraries; an empty string (Json.NET: null, or an error for a
/// required member) throws, and Json.NET reads the body.
/// </summary>
internal sealed class StrictUriSystemTextJsonReader : JsonConverter<Uri>
{
    public static readonly StrictUriSystemTextJsonReader Instance = new();

    public override Uri Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text
            ? new Uri(text, UriKind.RelativeOrAbsolute)
            : throw new JsonException("Not a non-empty URI string.");

    public override void Write(Utf8JsonWriter writer, Uri value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A reading mirror only.");
}
