using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Benchmarks.Baseline;

/// <summary>The baseline's source-generated System.Text.Json metadata.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientDateTimeOffsetConverter)])]
[JsonSerializable(typeof(CompanyDto))]
[JsonSerializable(typeof(CompanyPageDto))]
[JsonSerializable(typeof(ConsumerReferenceResponseDto))]
[JsonSerializable(typeof(SmartexInvoiceRequestDto))]
[JsonSerializable(typeof(SmartexInvoiceResponseDto))]
public partial class BaselineJsonContext : JsonSerializerContext;

/// <summary>
/// What the vendors really send, read by hand: ISO 8601 with or without a colon in the offset (Pax8),
/// <c>yyyy-MM-dd HH:mm:ss</c> UTC (SmartPay), epoch milliseconds (Smartex).
/// </summary>
public sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64());
        }

        if (reader.TryGetDateTimeOffset(out var iso))
        {
            return iso;
        }

        var text = reader.GetString()!;
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsAsciiDigit(text[^1]))
        {
            // -0600 → -06:00
            text = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
        }

        return DateTimeOffset.ParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

/// <summary>Smartex <c>exceptionStatus</c>: <c>false</c> or a string.</summary>
public sealed class BoolOrStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => reader.GetString(),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
