using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace Tessera.Pax8.Serialization;

/// <summary>
/// Reads <see cref="int"/> and <see cref="long"/> values (and their nullable forms) from any integral JSON number.
/// Pax8 types counts such as <c>Commitment.renewalWindowDaysBeforeTermEnd</c>, <c>Pricing.commitmentTermInMonths</c>
/// and the paging fields as <c>number</c>, so <c>12.0</c> is a valid wire value; Json.NET's own reader refuses it
/// and the whole response would be lost. A fractional or out-of-range value is still refused: rounding a count
/// would silently change the data. Writing is left to Json.NET (integers are written as integers).
/// </summary>
internal sealed class IntegralNumberConverter : JsonConverter, Tessera.Core.Serialization.ISystemTextJsonReadMirror
{
    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override bool CanConvert(Type objectType)
    {
        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
        return type == typeof(int) || type == typeof(long);
    }

    /// <inheritdoc />
    /// <summary>JSON integers read alike in both libraries; whole decimals and numeric strings stay here (drift).</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter)
    {
        converter = null;
        return typeToConvert == typeof(int) || typeToConvert == typeof(long);
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        var nullable = Nullable.GetUnderlyingType(objectType) is not null;
        var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
        var value = reader.TokenType switch
        {
            JsonToken.Null when nullable => (decimal?)null,
            JsonToken.Integer => reader.Value switch
            {
                long whole => whole,
                BigInteger big when big >= (BigInteger)decimal.MinValue && big <= (BigInteger)decimal.MaxValue => (decimal)big,
                _ => throw Refused(reader, type),
            },
            JsonToken.Float => reader.Value switch
            {
                decimal exact => exact,
                double approximate when double.IsFinite(approximate) && Math.Abs(approximate) < 7.9e28 => (decimal)approximate,
                _ => throw Refused(reader, type),
            },

            // Json.NET reads integers from numeric strings; keep that, with the same whole-number rule.
            JsonToken.String when decimal.TryParse((string)reader.Value!, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Refused(reader, type),
        };

        if (value is not { } number)
        {
            return null;
        }

        if (number != decimal.Truncate(number)
            || (type == typeof(int) && (number < int.MinValue || number > int.MaxValue))
            || (type == typeof(long) && (number < long.MinValue || number > long.MaxValue)))
        {
            throw Refused(reader, type);
        }

        if (reader.TokenType is JsonToken.Float or JsonToken.String)
        {
            // Read, but not as the spec's integer: worth a drift report (docs/drift.md).
            Tessera.Core.Drift.WireDrift.Record(Tessera.Core.Drift.DriftKind.TypeMismatch, reader, reader.TokenType == JsonToken.Float ? "whole decimal for integer" : "string for integer");
        }

        return type == typeof(int) ? (int)number : (object)(long)number;
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("CanWrite is false: Json.NET writes integers itself.");

    // The path and position let the client report which field failed (ResponseReadException); the value itself is
    // not quoted, as parser failures never quote body values.
    private static JsonSerializationException Refused(JsonReader reader, Type type)
    {
        var position = reader as IJsonLineInfo;
        return new JsonSerializationException(
            string.Create(CultureInfo.InvariantCulture, $"Could not convert the value to a whole number ({type.Name})."),
            reader.Path,
            position?.LineNumber ?? 0,
            position?.LinePosition ?? 0,
            null);
    }
}
