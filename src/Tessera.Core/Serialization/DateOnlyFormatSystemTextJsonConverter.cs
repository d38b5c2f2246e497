using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Core.Serialization;

/// <summary>
/// The System.Text.Json counterpart of <see cref="DateOnlyFormatConverter"/> for <c>format: date</c> properties:
/// writes <c>yyyy-MM-dd</c> (what Json.NET writes, and what the API expects) and reads what
/// <see cref="LenientDateTimeOffsetConverter"/> reads (a date, a date-time with or without an offset's colon, epoch
/// milliseconds).
/// </summary>
public sealed class DateOnlyFormatSystemTextJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var milliseconds)
            && milliseconds is >= -62135596800000 and <= 253402300799999)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return reader.TokenType == JsonTokenType.String && LenientDateTimeOffsetConverter.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("The value is not a recognized date.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
