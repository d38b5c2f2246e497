using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SpecTool.Preparation;

/// <summary>
/// String enums: spellings that differ only in case, whitespace, <c>-</c> or <c>_</c> collapse to the first
/// (documented) one, because the generated extensible enums compare values that way; every member gets a PascalCase
/// C# name (<c>x-enumNames</c>) unless the spec names it.
/// </summary>
internal static partial class EnumNames
{
    public static void Apply(JsonObject node)
    {
        if (node["enum"] is not JsonArray values || values.Count == 0 || !values.All(v => JsonTree.String(v) is not null))
        {
            return;
        }

        var names = node["x-enumNames"] as JsonArray;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keptValues = new JsonArray();
        var keptNames = new JsonArray();
        for (var i = 0; i < values.Count; i++)
        {
            var value = JsonTree.String(values[i])!;
            if (!seen.Add(Normalize(value)))
            {
                continue;
            }

            keptValues.Add(value);
            keptNames.Add(names is not null && i < names.Count ? names[i]?.DeepClone() : MemberName(value));
        }

        node["enum"] = keptValues;
        node["x-enumNames"] = keptNames;
    }

    /// <summary>How the extensible enums compare: upper case, without whitespace, '-' or '_'.</summary>
    public static string Normalize(string value) => Separators().Replace(value.ToUpperInvariant(), string.Empty);

    /// <summary><c>Pax8 Partner</c> → <c>Pax8Partner</c>, <c>One-Time</c> → <c>OneTime</c>, <c>3-Year</c> → <c>_3Year</c>.</summary>
    public static string MemberName(string value)
    {
        var words = NonAlphanumeric().Split(value).Where(w => w.Length > 0);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        if (name.Length == 0)
        {
            name = "Empty";
        }

        return char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    [GeneratedRegex(@"[\s\-_]", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonAlphanumeric();
}
