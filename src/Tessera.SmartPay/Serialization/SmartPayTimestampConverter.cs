using System.Globalization;
using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.SmartPay;

/// <summary>
/// SmartPay timestamps (A6): written as <c>yyyy-MM-dd HH:mm:ss</c> in UTC, without <c>T</c> or offset (any offset
/// is converted to UTC, fractions of a second are dropped); read leniently by the shared converter.
/// </summary>
internal sealed class SmartPayTimestampConverter : JsonConverter, ISystemTextJsonReadMirror
{
    public const string WireFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly LenientDateTimeOffsetConverter Reader = new();

    public override bool CanConvert(Type objectType) => Reader.CanConvert(objectType);

    /// <summary>Reads as <see cref="LenientDateTimeOffsetConverter"/> does, so its mirror is that converter's.</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter) =>
        Reader.TryGetSystemTextJsonReader(typeToConvert, out converter);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        Reader.ReadJson(reader, objectType, existingValue, serializer);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset timestamp)
        {
            writer.WriteValue(Format(timestamp));
        }
        else
        {
            writer.WriteNull();
        }
    }

    public static string Format(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(WireFormat, CultureInfo.InvariantCulture);
}
