using System.Globalization;
using Newtonsoft.Json;
using Tessera.Core.Drift;

namespace Tessera.Core.Serialization;

/// <summary>
/// Reads booleans the way loosely typed APIs send them: <c>true</c>, <c>"true"</c>, <c>1</c>,
/// <c>"1"</c>, <c>"yes"</c> (and their opposites). Anything else is a clear
/// <see cref="JsonSerializationException"/> naming the path. Writes plain JSON booleans.
/// </summary>
public sealed class LenientBooleanConverter : JsonConverter, ISystemTextJsonReadMirror
{
    /// <inheritdoc />
    public override bool CanConvert(Type objectType) => objectType == typeof(bool) || objectType == typeof(bool?);

    /// <summary>JSON booleans read alike in both libraries; the tolerated strings and integers stay here (drift).</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter)
    {
        converter = null;
        return typeToConvert == typeof(bool);
    }

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var nullable = objectType == typeof(bool?);
        switch (reader.TokenType)
        {
            case JsonToken.Null or JsonToken.Undefined:
                return nullable ? null : throw Fail(reader, "null is not a boolean");
            case JsonToken.Boolean:
                // Already a boxed bool: returning it as is saves a box per value.
                return reader.Value is bool ? reader.Value : throw Fail(reader, "the boolean token has no value");
            case JsonToken.Integer:
                WireDrift.Record(DriftKind.TypeMismatch, reader, "integer for boolean");

                // An integer beyond long arrives as a BigInteger, which Convert.ToInt64 cannot take (InvalidCastException).
                return (reader.Value is long or int ? Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture) : long.MaxValue) switch
                {
                    0 => false,
                    1 => true,
                    _ => throw Fail(reader, "only 0 and 1 are booleans"),
                };
            case JsonToken.String:
                var text = ((string?)reader.Value)?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return nullable ? null : throw Fail(reader, "an empty string is not a boolean");
                }

                WireDrift.Record(DriftKind.TypeMismatch, reader, "string for boolean");
                return text.ToUpperInvariant() switch
                {
                    "TRUE" or "1" or "YES" or "Y" => true,
                    "FALSE" or "0" or "NO" or "N" => false,
                    _ => throw Fail(reader, "the string is not a boolean"),
                };
            default:
                throw Fail(reader, $"expected a boolean but found {reader.TokenType}");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is bool flag)
        {
            writer.WriteValue(flag);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static JsonSerializationException Fail(JsonReader reader, string problem) =>
        new($"Could not read a boolean at '{reader.Path}': {problem}.");
}
