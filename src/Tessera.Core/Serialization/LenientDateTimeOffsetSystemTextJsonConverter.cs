using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Serialization;

/// <summary>
/// The System.Text.Json counterpart of <see cref="LenientDateTimeOffsetConverter"/> for date-time properties: reads
/// the same variants (offsets without a colon, no offset as UTC, a space instead of <c>T</c>, epoch milliseconds),
/// which System.Text.Json's own reader refuses, and writes ISO 8601 with the offset as the client does. A client whose
/// wire format differs (SmartPay's <c>yyyy-MM-dd HH:mm:ss</c> UTC, set in its serializer settings) is read here but
/// written in ISO 8601: System.Text.Json output is for the application, not the vendor.
/// </summary>
public sealed class LenientDateTimeOffsetSystemTextJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string WriteFormat = "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(WriteFormat, CultureInfo.InvariantCulture));
    }

    internal static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var milliseconds)
            && milliseconds is >= -62135596800000 and <= 253402300799999)
        {
            // Epoch milliseconds (Smartex and other BitPay-style APIs), as the Json.NET converter reads them.
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("The value is not a recognized date-time.");
        }

        // The usual shapes from a stack copy of the text; anything else from the string, as Json.NET's converter reads it.
        Span<char> text = stackalloc char[64];
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= text.Length)
        {
            var length = reader.CopyString(text);
            if (LenientDateTimeOffsetConverter.TryParseCommonShape(text[..length], out var common) is { } recognized)
            {
                return recognized ? common : throw new JsonException("The value is not a recognized date-time.");
            }
        }

        return LenientDateTimeOffsetConverter.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("The value is not a recognized date-time.");
    }
}
