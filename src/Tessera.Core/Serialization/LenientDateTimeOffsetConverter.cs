using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace Tessera.Core.Serialization;

/// <summary>
/// Reads the date-time variants the APIs actually send, which are looser than RFC 3339: offsets without a colon
/// (<c>-0600</c>), no offset (taken as UTC), date-only values (midnight UTC) and a space instead of <c>T</c>.
/// Writes ISO 8601 with the offset.
/// </summary>
public sealed partial class LenientDateTimeOffsetConverter : JsonConverter, ISystemTextJsonReadMirror
{
    private const string WriteFormat = "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz";
    private const int MaxFractionDigits = 7;

    /// <inheritdoc />
    public override bool CanConvert(Type objectType) =>
        objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    private static readonly StrictDateTimeOffsetSystemTextJsonReader Mirror = new();

    /// <summary>The same shapes, to the same values (<see cref="LenientDateTimeOffsetSystemTextJsonConverter"/>'s reading).</summary>
    /// <inheritdoc />
    public bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter)
    {
        converter = typeToConvert == typeof(DateTimeOffset) ? Mirror : null;
        return converter is not null;
    }

    private const long MinEpochMilliseconds = -62135596800000; // 0001-01-01
    private const long MaxEpochMilliseconds = 253402300799999; // 9999-12-31

    /// <inheritdoc />
    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(objectType);
        var nullable = objectType == typeof(DateTimeOffset?);

        switch (reader.TokenType)
        {
            case JsonToken.Null or JsonToken.Undefined:
                return nullable ? null : throw Error(reader, "null is not a valid date-time");
            case JsonToken.Date:
                return reader.Value switch
                {
                    DateTimeOffset offset => offset,
                    DateTime { Kind: DateTimeKind.Unspecified } dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
                    DateTime dateTime => new DateTimeOffset(dateTime.ToUniversalTime()),
                    _ => throw Error(reader, "the date token has an unexpected value"),
                };
            case JsonToken.String:
                var text = (string?)reader.Value;
                if (string.IsNullOrWhiteSpace(text))
                {
                    return nullable ? null : throw Error(reader, "an empty string is not a valid date-time");
                }

                return TryParse(text, out var parsed)
                    ? parsed
                    : throw Error(reader, "the string is not a recognized date-time format");
            case JsonToken.Integer:
                // Epoch milliseconds (Smartex and other BitPay-style APIs).
                // An integer beyond long arrives as a BigInteger, which Convert.ToInt64 cannot take (InvalidCastException).
                var milliseconds = reader.Value is long or int ? Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture) : long.MaxValue;
                return milliseconds is >= MinEpochMilliseconds and <= MaxEpochMilliseconds
                    ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
                    : throw Error(reader, "the number is outside the range of epoch milliseconds");
            default:
                throw Error(reader, $"expected a string or epoch milliseconds but found {reader.TokenType}");
        }
    }

    /// <inheritdoc />
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is DateTimeOffset dateTimeOffset)
        {
            writer.WriteValue(dateTimeOffset.ToString(WriteFormat, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull();
        }
    }

    /// <summary>Parses one of the accepted date-time forms.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The parsed value.</param>
    /// <returns>Whether <paramref name="text"/> was recognized.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // The usual shapes (ISO 8601 with ASCII digits) without a regular expression: no Match, groups or substrings.
        if (TryParseCommon(text.AsSpan().Trim()) is { } common)
        {
            value = common.Value;
            return common.Success;
        }

        var match = DateTimePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        try
        {
            var date = new DateTime(Number(match, "year"), Number(match, "month"), Number(match, "day"), 0, 0, 0, DateTimeKind.Unspecified);
            if (match.Groups["hour"].Success)
            {
                var seconds = match.Groups["second"].Success ? Number(match, "second") : 0;
                date = date.Add(new TimeSpan(Number(match, "hour"), Number(match, "minute"), seconds));
                if (match.Groups["fraction"].Success)
                {
                    // Beyond 100 ns (7 digits) there is no precision to keep; truncate rather than reject.
                    var fraction = match.Groups["fraction"].Value;
                    fraction = fraction.Length > MaxFractionDigits ? fraction[..MaxFractionDigits] : fraction.PadRight(MaxFractionDigits, '0');
                    date = date.AddTicks(long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture));
                }
            }

            value = new DateTimeOffset(date, ParseOffset(match.Groups["offset"]));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>
    /// <see cref="TryParse"/> for the usual shapes only, from a span: <see langword="null"/> when the text is not one of
    /// them (then <see cref="TryParse"/> on the string decides), else whether it is a valid date-time.
    /// </summary>
    internal static bool? TryParseCommonShape(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.IsWhiteSpace() || TryParseCommon(text.Trim()) is not { } common)
        {
            return null;
        }

        value = common.Value;
        return common.Success;
    }

    /// <summary>
    /// The strict subset of <see cref="DateTimePattern"/> that real payloads use, with ASCII digits:
    /// <c>yyyy-MM-dd[(T|t| )HH:mm[:ss[(.|,)f+]]][ *](Z|z|±HH[[:]mm])</c>. Returns <see langword="null"/> for anything
    /// else, which the regular expression then decides, so both paths accept and compute exactly the same values.
    /// </summary>
    private static (bool Success, DateTimeOffset Value)? TryParseCommon(ReadOnlySpan<char> s)
    {
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return null;
        }

        var i = 10;
        int hour = 0, minute = 0, second = 0;
        long fractionTicks = -1;
        var hasTime = false;
        if (i < s.Length && s[i] is 'T' or 't' or ' ' && i + 6 <= s.Length && s[i + 3] == ':'
            && TryDigits(s.Slice(i + 1, 2), out hour) && TryDigits(s.Slice(i + 4, 2), out minute))
        {
            hasTime = true;
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (i + 3 > s.Length || !TryDigits(s.Slice(i + 1, 2), out second))
                {
                    return null;
                }

                i += 3;
                if (i < s.Length && s[i] is '.' or ',')
                {
                    var start = ++i;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        i++;
                    }

                    if (i == start)
                    {
                        return null;
                    }

                    fractionTicks = 0;
                    for (var k = 0; k < MaxFractionDigits; k++)
                    {
                        fractionTicks = (fractionTicks * 10) + (start + k < i ? s[start + k] - '0' : 0);
                    }
                }
            }
        }

        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        var offset = TimeSpan.Zero;
        if (i < s.Length && s[i] is 'Z' or 'z')
        {
            i++;
        }
        else if (i < s.Length && s[i] is '+' or '-')
        {
            var sign = s[i] == '-' ? -1 : 1;
            if (i + 3 > s.Length || !TryDigits(s.Slice(i + 1, 2), out var offsetHours))
            {
                return null;
            }

            i += 3;
            var offsetMinutes = 0;
            if (i < s.Length)
            {
                var colon = s[i] == ':' ? 1 : 0;
                if (i + colon + 2 != s.Length || !TryDigits(s.Slice(i + colon, 2), out offsetMinutes))
                {
                    return null;
                }

                i = s.Length;
            }

            if (offsetHours > 14 || offsetMinutes > 59)
            {
                return (false, default);
            }

            offset = sign * new TimeSpan(offsetHours, offsetMinutes, 0);
        }

        if (i != s.Length)
        {
            return null;
        }

        try
        {
            var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            if (hasTime)
            {
                date = date.Add(new TimeSpan(hour, minute, second));
                if (fractionTicks >= 0)
                {
                    date = date.AddTicks(fractionTicks);
                }
            }

            return (true, new DateTimeOffset(date, offset));
        }
        catch (ArgumentOutOfRangeException)
        {
            return (false, default);
        }
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan ParseOffset(Group offset)
    {
        if (!offset.Success || offset.Value is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var text = offset.Value;
        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = digits.Length >= 4 ? int.Parse(digits.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        return sign * new TimeSpan(hours, minutes, 0);
    }

    // The message names the JSON path but not the value: payload text does not belong in exception messages.
    private static JsonSerializationException Error(JsonReader reader, string reason) =>
        new($"Could not read a date-time at path '{reader.Path}': {reason}.");

    [GeneratedRegex(
        @"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[Tt ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?)?\s*(?<offset>[Zz]|[+-]\d{2}(?::?\d{2})?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
