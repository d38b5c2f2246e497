using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Reliability.Tests.Fuzz;

/// <summary>
/// Deterministic mutations of a JSON payload: wrong types, nulls, huge numbers, unknown enum values, bad dates, deep
/// nesting, removed and duplicated members, and byte-level damage (invalid UTF-8, truncation, flipped bytes).
/// </summary>
public sealed class Mutator(int seed)
{
    public static readonly string[] Kinds =
    [
        "wrong-type", "null", "huge-number", "unknown-enum", "bad-date", "deep-nesting", "remove-member",
        "duplicate-member", "invalid-utf8", "truncate", "flip-byte", "other-root", "huge-string", "multi",
    ];

    private static readonly string[] RawNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999999999999999999", "-99999999999999999999999999999999999999", "1.7976931348623157E+309",
        "-0", "0.000000000000000000000000000000000000001", "2147483648", "-2147483649", "9223372036854775808", "NaN", "Infinity", "-Infinity", "0x10", "1.5e",
    ];

    private static readonly string[] Strings =
    [
        "ZZ_UNKNOWN_ENUM_VALUE", string.Empty, " ", "null", "true", "12abc", "\u0000", "\uFFFF", "😀💥", "<script>", "%00", "' OR 1=1 --",
    ];

    private static readonly string[] Dates =
    [
        "2024-13-45T99:99:99Z", "0000-00-00", "not a date", "2024-02-30", "9999-12-31T23:59:59+25:00", "-1", "1e10", "2024-01-01T00:00:00+0000000", "T", "2024-06-01 10:00:00 UTC+99",
    ];

    private readonly Random _random = new(seed);

    public (string Kind, byte[] Body) Mutate(string seedJson)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return (kind, Apply(kind, seedJson));
    }

    private byte[] Apply(string kind, string json)
    {
        switch (kind)
        {
            case "invalid-utf8":
                return InsertBytes(Encoding.UTF8.GetBytes(json), Pick<byte[]>([[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x00]]));
            case "truncate":
                var bytes = Encoding.UTF8.GetBytes(json);
                return bytes[.._random.Next(bytes.Length)];
            case "flip-byte":
                var flipped = Encoding.UTF8.GetBytes(json);
                for (var i = 0; i < 1 + _random.Next(3); i++)
                {
                    flipped[_random.Next(flipped.Length)] = (byte)_random.Next(256);
                }

                return flipped;
            case "other-root":
                return Encoding.UTF8.GetBytes(Pick(["[]", "null", "\"text\"", "42", "true", "{}", "[{}]", string.Empty, "   ", "{\"data\":null,\"content\":null,\"result\":null}"]));
            case "duplicate-member":
                var index = json.IndexOf('{', StringComparison.Ordinal);
                return Encoding.UTF8.GetBytes(index < 0 ? json : json.Insert(index + 1, "\"id\":[1,2,3],\"data\":\"dup\",\"content\":{},\"result\":7,"));
            case "multi":
                var text = json;
                for (var i = 0; i < 2 + _random.Next(4); i++)
                {
                    text = Encoding.UTF8.GetString(Apply(Kinds[_random.Next(8)], text));
                }

                return Encoding.UTF8.GetBytes(text);
        }

        JToken root;
        try
        {
            root = JToken.Parse(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetBytes(json);
        }

        var nodes = (root is JContainer rootContainer ? rootContainer.DescendantsAndSelf() : [root]).Where(t => t is JValue or JArray or JObject).ToList();
        var target = nodes[_random.Next(nodes.Count)];
        var raw = (string?)null;
        JToken replacement;
        switch (kind)
        {
            case "wrong-type":
                replacement = target switch
                {
                    JValue { Type: JTokenType.String } => Pick<JToken>([new JValue(_random.Next()), new JValue(true), new JArray(1, 2), new JObject { ["x"] = 1 }, new JValue(1.5m)]),
                    JValue => Pick<JToken>([new JValue("string"), new JArray("a"), new JObject(), new JValue(false)]),
                    JArray => Pick<JToken>([new JObject { ["a"] = 1 }, new JValue("array?"), new JValue(3)]),
                    _ => Pick<JToken>([new JArray(new JObject()), new JValue("object?"), new JValue(0)]),
                };
                break;
            case "null":
                replacement = JValue.CreateNull();
                break;
            case "huge-number":
                raw = Pick(RawNumbers);
                replacement = new JValue("__RAW__");
                break;
            case "unknown-enum":
                replacement = new JValue(Pick(Strings));
                var strings = nodes.Where(n => n is JValue { Type: JTokenType.String }).ToList();
                if (strings.Count > 0)
                {
                    target = strings[_random.Next(strings.Count)];
                }

                break;
            case "bad-date":
                replacement = new JValue(Pick(Dates));
                break;
            case "deep-nesting":
                var depth = Pick([50, 127, 129, 300, 5000]);
                raw = string.Concat(Enumerable.Repeat(_random.Next(2) == 0 ? "[" : "{\"a\":", depth)) + "1" + string.Concat(Enumerable.Repeat("]", depth));
                if (raw.Contains('{', StringComparison.Ordinal))
                {
                    raw = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                }

                replacement = new JValue("__RAW__");
                break;
            case "huge-string":
                replacement = new JValue(new string('x', Pick([1_000, 20_000])));
                break;
            default: // remove-member
                var property = (root is JContainer removeContainer ? removeContainer.DescendantsAndSelf() : [root]).OfType<JProperty>().ToList();
                if (property.Count > 0)
                {
                    property[_random.Next(property.Count)].Remove();
                }

                return Encoding.UTF8.GetBytes(root.ToString(Formatting.None));
        }

        if (ReferenceEquals(target, root))
        {
            root = replacement;
        }
        else
        {
            target.Replace(replacement);
        }

        var result = root.ToString(Formatting.None);
        if (raw is not null)
        {
            result = result.Replace("\"__RAW__\"", raw, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(result);
    }

    private byte[] InsertBytes(byte[] bytes, byte[] insert)
    {
        var at = _random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Mutator({seed})");
}
