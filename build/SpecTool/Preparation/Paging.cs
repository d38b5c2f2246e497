using System.Globalization;
using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// Resolves each operation's <c>x-paging</c> (a style from the document's <c>x-paging-styles</c>, or an inline object)
/// into what the client template needs to generate its <c>…AllAsync</c> method: the item type, the C# member paths of
/// the items and of the paging state, the first page number, and where the page number goes (a query parameter or a
/// body member). Fails the build when the style names members the spec does not have.
/// </summary>
internal static class Paging
{
    public sealed record Info(string ItemType);

    public static Dictionary<string, Info> Apply(JsonObject document)
    {
        var result = new Dictionary<string, Info>(StringComparer.Ordinal);
        var styles = document["x-paging-styles"] as JsonObject;
        foreach (var (path, method, operation) in JsonTree.Operations(document))
        {
            if (operation["x-paging"] is not { } paging)
            {
                continue;
            }

            var id = JsonTree.String(operation["operationId"]) ?? $"{method} {path}";
            var style = paging switch
            {
                JsonObject inline => inline,
                _ when JsonTree.String(paging) is { } name => styles?[name] as JsonObject
                    ?? throw new InvalidDataException($"{id}: x-paging style '{name}' is not in x-paging-styles."),
                _ => throw new InvalidDataException($"{id}: x-paging must name a style or be an object."),
            };

            string Setting(string key, bool required = true) =>
                (style[key] is JsonValue value ? value.ToString() : null)
                ?? (required ? throw new InvalidDataException($"{id}: x-paging has no '{key}'.") : string.Empty);

            var location = Setting("in");
            var parameter = Setting("parameter");
            if (location == "query")
            {
                var found = (operation["parameters"] as JsonArray ?? [])
                    .Select(p => JsonTree.Resolve(document, p))
                    .Any(p => p is not null && JsonTree.String(p["in"]) == "query" && JsonTree.String(p["name"]) == parameter);
                if (!found)
                {
                    throw new InvalidDataException($"{id}: x-paging names the query parameter '{parameter}', which the operation does not have.");
                }
            }
            else if (location == "body")
            {
                var body = RequestSchema(document, operation) ?? throw new InvalidDataException($"{id}: x-paging reads the page from the body, but there is none.");
                if (!Schemas.Properties(document, body).ContainsKey(parameter))
                {
                    throw new InvalidDataException($"{id}: x-paging names the body member '{parameter}', which the request schema does not have.");
                }

                operation["x-paging-member"] = CSharpNames.Member(parameter);
            }
            else
            {
                throw new InvalidDataException($"{id}: x-paging 'in' must be query or body.");
            }

            var response = SuccessSchema(document, operation) ?? throw new InvalidDataException($"{id}: a paged operation needs a JSON success response.");
            var responseMembers = Schemas.Properties(document, response);
            var itemsName = Setting("items");
            if (!responseMembers.TryGetValue(itemsName, out var itemsSchema)
                || JsonTree.Resolve(document, itemsSchema) is not { } array
                || JsonTree.String(array["type"]) != "array"
                || Schemas.ReferenceName(array["items"]) is not { } itemType)
            {
                throw new InvalidDataException($"{id}: x-paging items '{itemsName}' must be an array of a named schema in the response.");
            }

            foreach (var key in new[] { "number", "totalPages", "totalItems" })
            {
                if (Setting(key, required: false) is { Length: > 0 } member && !responseMembers.ContainsKey(member.Split('.')[0]))
                {
                    throw new InvalidDataException($"{id}: x-paging {key} '{member}' is not a member of the response.");
                }
            }

            operation["x-paging-item"] = itemType;
            operation["x-paging-in"] = location;
            operation["x-paging-parameter"] = parameter;
            operation["x-paging-items"] = Path(itemsName);
            operation["x-paging-number"] = Path(Setting("number", required: false));
            operation["x-paging-total-pages"] = Path(Setting("totalPages", required: false));
            operation["x-paging-total-items"] = Path(Setting("totalItems", required: false));
            operation["x-paging-first"] = int.Parse(Setting("first"), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            operation["x-paging-size"] = Setting("size", required: false) is { Length: > 0 } size ? int.Parse(size, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : "null";
            result[id] = new Info(itemType);
        }

        return result;
    }

    // The template null-propagates every step ("Page?.Number"); a missing member is "null".
    private static string Path(string wirePath) => wirePath.Length == 0 ? "null" : "r_?." + CSharpNames.MemberPath(wirePath).Replace(".", "?.", StringComparison.Ordinal);

    public static JsonObject? RequestSchema(JsonObject document, JsonObject operation) =>
        operation["requestBody"]?["content"] is JsonObject content && content.FirstOrDefault().Value?["schema"] is { } schema
            ? JsonTree.Resolve(document, schema)
            : null;

    private static JsonObject? SuccessSchema(JsonObject document, JsonObject operation)
    {
        if (operation["responses"] is not JsonObject responses)
        {
            return null;
        }

        foreach (var (status, response) in responses)
        {
            if (status.StartsWith('2') && JsonTree.Resolve(document, response)?["content"]?["application/json"]?["schema"] is { } schema)
            {
                return JsonTree.Resolve(document, schema);
            }
        }

        return null;
    }
}
