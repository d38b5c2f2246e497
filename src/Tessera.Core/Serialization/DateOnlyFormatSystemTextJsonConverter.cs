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
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientDateTimeOffsetSystemTextJsonConverter.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
