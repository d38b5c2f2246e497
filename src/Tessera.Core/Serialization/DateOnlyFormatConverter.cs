using System.Globalization;
using Newtonsoft.Json;

namespace Tessera.Core.Serialization;

/// <summary>
/// The converter of <c>format: date</c> properties: reads as leniently as
/// <see cref="LenientDateTimeOffsetConverter"/> (an API may send a full date-time in a date
/// field) and writes <c>yyyy-MM-dd</c>, which is what the API expects back.
/// </summary>
public class DateOnlyFormatConverter : JsonConverter, ISystemTextJsonReadMirror
{
    private readonly LenientDateTimeOffsetConverter _reader = new();

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => _reader.CanConvert(objectType);

    /// <summary>Reads as <see cref="LenientDateTimeOffsetConverter"/> does, so its mirror is that converter's.</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter) =>
        _reader.TryGetSystemTextJsonReader(typeToConvert, out converter);

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        _reader.ReadJson(reader, objectType, existingValue, serializer);

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case DateTimeOffset date:
                writer.WriteValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime date:
                writer.WriteValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                throw new JsonSerializationException($"Cannot write {value.GetType().Name} as a date.");
        }
    }
}
