using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>Reading schemas: the properties of a schema through <c>$ref</c> and <c>allOf</c>, and reference names.</summary>
internal static class Schemas
{
    private const string Prefix = "#/components/schemas/";

    /// <summary>Every property of <paramref name="schema"/>, its <c>allOf</c> parts included, by wire name.</summary>
    public static Dictionary<string, JsonNode?> Properties(JsonObject document, JsonObject schema)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Collect(document, schema, result, depth: 0);
        return result;
    }

    /// <summary>The schema name of a <c>$ref</c> to <c>#/components/schemas/…</c>, else <see langword="null"/>.</summary>
    public static string? ReferenceName(JsonNode? node) =>
        node is JsonObject obj && JsonTree.String(obj["$ref"]) is { } reference && reference.StartsWith(Prefix, StringComparison.Ordinal)
            ? reference[Prefix.Length..]
            : null;

    private static void Collect(JsonObject document, JsonObject? schema, Dictionary<string, JsonNode?> result, int depth)
    {
        schema = JsonTree.Resolve(document, schema);
        if (schema is null || depth > 16)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                result.TryAdd(name, property);
            }
        }

        if (schema["allOf"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                Collect(document, part as JsonObject, result, depth + 1);
            }
        }
    }
}
