using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>Small helpers over System.Text.Json's mutable tree.</summary>
internal static class JsonTree
{
    /// <summary>Every object in the tree, depth first, parents before children.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, value) in obj.ToList())
                {
                    foreach (var child in Objects(value))
                    {
                        yield return child;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    foreach (var child in Objects(item))
                    {
                        yield return child;
                    }
                }

                break;
        }
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool IsTrue(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>The operations of the document: (path, method, operation object).</summary>
    public static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document)
    {
        if (document["paths"] is not JsonObject paths)
        {
            yield break;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var (method, operation) in pathItem)
            {
                if (HttpMethods.Contains(method) && operation is JsonObject op)
                {
                    yield return (path, method, op);
                }
            }
        }
    }

    public static readonly IReadOnlySet<string> HttpMethods = new HashSet<string>(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/…</c>) to its target, or returns the node itself.</summary>
    public static JsonObject? Resolve(JsonObject document, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        if (String(obj["$ref"]) is not { } reference || !reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return obj;
        }

        JsonNode? current = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            current = current is JsonObject parent ? parent[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
        }

        return Resolve(document, current);
    }
}
