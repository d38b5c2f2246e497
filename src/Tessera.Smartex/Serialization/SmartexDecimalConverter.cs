using System.Globalization;
using Newtonsoft.Json;

namespace Tessera.Smartex.Serialization;

/// <summary>
/// Writes decimals the way JavaScript's <c>JSON.stringify</c> writes numbers (<c>25.00</c> → <c>25</c>,
/// <c>25.50</c> → <c>25.5</c>). Request bodies are signed byte for byte; a JSON-aware proxy or server that
/// re-serializes the body before checking the signature then sees the same bytes the client signed.
/// </summary>
internal sealed class SmartexDecimalConverter : JsonConverter
{
    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(decimal) || objectType == typeof(decimal?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("The converter only writes.");

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is decimal number)
        {
            writer.WriteRawValue(number.ToString("0.############################", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }
}
