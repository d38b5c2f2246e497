using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// <c>x-csharp-name</c> on a component schema: the C# type the schema becomes, when it differs from the vendor's schema
/// name. The curated spec keeps the vendor's names (they are what the vendor's docs and errors say); the prepared
/// document renames the component and every <c>$ref</c> to it, so NSwag generates the C# name. Used where two Tessera
/// clients have a schema of the same name (<c>Invoice</c> in Pax8, SmartPay and Smartex): each takes its client's prefix,
/// so that an app importing every client namespace never meets an ambiguous name (CS0104). A convention test fails the
/// build when a new collision appears.
/// </summary>
internal static class TypeNames
{
    private const string Prefix = "#/components/schemas/";

    public static void Apply(JsonObject document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas)
        {
            return;
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, schema) in schemas.ToList())
        {
            if (schema is JsonObject obj && obj["x-csharp-name"] is { } node)
            {
                var target = JsonTree.String(node);
                if (string.IsNullOrEmpty(target) || !IsIdentifier(target))
                {
                    throw new InvalidOperationException($"components.schemas.{name}: x-csharp-name must be a C# identifier.");
                }

                obj.Remove("x-csharp-name");
                renames[name] = target;
            }
        }

        if (renames.Count == 0)
        {
            return;
        }

        foreach (var (from, to) in renames)
        {
            if (schemas.ContainsKey(to) && !renames.ContainsKey(to))
            {
                throw new InvalidOperationException($"components.schemas.{from}: x-csharp-name '{to}' is already a schema name.");
            }
        }

        var renamed = new JsonObject();
        foreach (var (name, schema) in schemas.ToList())
        {
            schemas.Remove(name);
            renamed[renames.GetValueOrDefault(name, name)] = schema;
        }

        document["components"]!["schemas"] = renamed;
        foreach (var obj in JsonTree.Objects(document))
        {
            if (JsonTree.String(obj["$ref"]) is { } reference && reference.StartsWith(Prefix, StringComparison.Ordinal)
                && renames.TryGetValue(reference[Prefix.Length..], out var target))
            {
                obj["$ref"] = Prefix + target;
            }
        }
    }

    private static bool IsIdentifier(string name) =>
        char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
