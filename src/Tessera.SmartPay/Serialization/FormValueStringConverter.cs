using System.Globalization;
using Newtonsoft.Json;

namespace Tessera.SmartPay;

/// <summary>
/// Reads any JSON scalar into a <see cref="string"/> the way SmartPay expects form values: booleans as
/// <c>true</c>/<c>false</c> (Json.NET would write <c>True</c>), numbers in invariant culture (<c>10.00</c>). The
/// generated form path serializes a request model to JSON and reads it back as <c>Dictionary&lt;string, string&gt;</c>,
/// so this decides how every form field is spelled. Writing is left to Json.NET.
/// </summary>
internal sealed class FormValueStringConverter : JsonConverter, Tessera.Core.Serialization.ISystemTextJsonReadMirror
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(string);

    /// <summary>JSON strings and nulls read alike in both libraries; the numbers and booleans it also takes stay here.</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter)
    {
        converter = null;
        return typeToConvert == typeof(string);
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        reader.TokenType switch
        {
            JsonToken.Null or JsonToken.Undefined => null,
            JsonToken.String => (string?)reader.Value,
            JsonToken.Boolean => (bool)reader.Value! ? "true" : "false",
            JsonToken.Integer or JsonToken.Float => Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
            JsonToken.Date => reader.Value is DateTimeOffset offset
                ? SmartPayTimestampConverter.Format(offset)
                : SmartPayTimestampConverter.Format(new DateTimeOffset(DateTime.SpecifyKind((DateTime)reader.Value!, DateTimeKind.Utc))),
            JsonToken.StartObject or JsonToken.StartArray => throw new JsonSerializationException(
                $"Could not read a string at path '{reader.Path}': expected a value but found {reader.TokenType}."),
            _ => Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
        };

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("Writing uses the default string handling.");
}
