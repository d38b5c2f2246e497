using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// Values the client injects itself (SmartPay's session token, Smartex's facade token) leave the generated
/// signatures: their query and header parameters go, and so do their properties in every schema a request body
/// reaches. Path parameters are never omitted.
/// </summary>
internal static class InjectedFields
{
    private const string SchemaPrefix = "#/components/schemas/";

    /// <summary>A field taken out of an operation: its wire name and where it went (<c>query</c>, <c>header</c>, <c>body</c>).</summary>
    public sealed record Field(string Name, string Location);

    /// <summary>Takes the fields out; returns, per operation id, what was taken out of it.</summary>
    public static Dictionary<string, List<Field>> Apply(JsonObject document, IReadOnlySet<string> omitted)
    {
        var taken = new Dictionary<string, List<Field>>(StringComparer.Ordinal);
        if (omitted.Count == 0)
        {
            return taken;
        }

        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var requestSchemas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in JsonTree.Operations(document))
        {
            var fields = new List<Field>();
            if (document["paths"]![path] is JsonObject item && item["parameters"] is JsonArray shared)
            {
                fields.AddRange(RemoveOmitted(document, shared, omitted));
            }

            if (operation["parameters"] is JsonArray parameters)
            {
                fields.AddRange(RemoveOmitted(document, parameters, omitted));
            }

            if (operation["requestBody"]?["content"] is JsonObject content)
            {
                var bodySchemas = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (_, media) in content)
                {
                    Collect(media?["schema"], schemas, bodySchemas);
                    if (JsonTree.Resolve(document, media?["schema"]) is { } schema)
                    {
                        var members = Schemas.Properties(document, schema);
                        fields.AddRange(omitted.Where(members.ContainsKey).Select(name => new Field(name, "body")));
                    }
                }

                requestSchemas.UnionWith(bodySchemas);
            }

            taken[JsonTree.String(operation["operationId"]) ?? $"{method} {path}"] = [.. fields.DistinctBy(f => (f.Name, f.Location))];
        }

        foreach (var name in requestSchemas)
        {
            Strip(schemas[name] as JsonObject, omitted);
        }

        return taken;
    }

    private static List<Field> RemoveOmitted(JsonObject document, JsonArray parameters, IReadOnlySet<string> omitted)
    {
        var removed = new List<Field>();
        foreach (var parameter in parameters.ToList())
        {
            var target = JsonTree.Resolve(document, parameter);
            if (target is not null && JsonTree.String(target["in"]) is { } location && location != "path" && JsonTree.String(target["name"]) is { } name && omitted.Contains(name))
            {
                parameters.Remove(parameter);
                removed.Add(new Field(name, location));
            }
        }

        return removed;
    }

    private static void Collect(JsonNode? node, JsonObject schemas, HashSet<string> found)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Collect(item, schemas, found);
            }

            return;
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        if (JsonTree.String(schema["$ref"]) is { } reference && reference.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            var name = reference[SchemaPrefix.Length..];
            if (found.Add(name))
            {
                Collect(schemas[name], schemas, found);
            }
        }

        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
        {
            Collect(schema[key], schemas, found);
        }
    }

    private static void Strip(JsonObject? schema, IReadOnlySet<string> omitted)
    {
        if (schema is null)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var name in omitted)
            {
                properties.Remove(name);
            }
        }

        if (schema["required"] is JsonArray required)
        {
            foreach (var item in required.ToList())
            {
                if (JsonTree.String(item) is { } name && omitted.Contains(name))
                {
                    required.Remove(item);
                }
            }

            if (required.Count == 0)
            {
                schema.Remove("required");
            }
        }

        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[key] is JsonArray branches)
            {
                foreach (var branch in branches)
                {
                    Strip(branch as JsonObject, omitted);
                }
            }
        }
    }
}
