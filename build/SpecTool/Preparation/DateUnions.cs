using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// A string that is "a date-time or a date" (<c>anyOf</c>/<c>oneOf</c> of <c>format: date-time</c> and
/// <c>format: date</c> strings) becomes one <c>format: date-time</c> string: a <c>DateTimeOffset</c>, which the
/// runtime's lenient converter reads from both forms.
/// </summary>
internal static class DateUnions
{
    public static void Apply(JsonObject node)
    {
        if (!IsDateUnion(node))
        {
            return;
        }

        node.Remove("anyOf");
        node.Remove("oneOf");
        node["type"] = "string";
        node["format"] = "date-time";
    }

    public static bool IsDateUnion(JsonObject node)
    {
        if ((node["anyOf"] ?? node["oneOf"]) is not JsonArray { Count: > 0 } branches)
        {
            return false;
        }

        var formats = branches.Select(b => b is JsonObject branch ? JsonTree.String(branch["format"]) : null).ToList();
        return formats.Contains("date-time")
            && formats.All(f => f is "date-time" or "date")
            && branches.All(b => b is JsonObject branch && (branch["type"] is null || JsonTree.String(branch["type"]) == "string"));
    }
}
