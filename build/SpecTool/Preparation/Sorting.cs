using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// A sort parameter with <c>x-sort: {type, fields}</c> gets a typed sort: a named string enum of every field and
/// direction (<c>name,asc</c>, <c>name,desc</c>, …) that NSwag generates as an extensible enum, so a raw string for a
/// field the spec does not know still converts implicitly; the spec tool adds <c>CompanySort.Name.Descending</c>-style
/// accessors (<see cref="OperationCatalog"/>). The parameter's pattern goes: the type replaces it.
/// </summary>
internal static class Sorting
{
    public sealed record SortType(string Name, IReadOnlyList<string> Fields);

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "Value", "IsKnown", "Canonical", "KnownValues", "FromValue", "Equals", "GetHashCode", "ToString", "GetType" };

    public static Dictionary<string, SortType> Apply(JsonObject document)
    {
        var types = new Dictionary<string, SortType>(StringComparer.Ordinal);
        var schemas = (document["components"] as JsonObject ?? throw new InvalidDataException("The spec has no components."))["schemas"] as JsonObject
            ?? throw new InvalidDataException("The spec has no components.schemas.");
        foreach (var (_, _, operation) in JsonTree.Operations(document))
        {
            foreach (var parameter in (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (parameter["x-sort"] is not JsonObject sort)
                {
                    continue;
                }

                var name = JsonTree.String(sort["type"]) ?? throw new InvalidDataException("x-sort needs a type name.");
                var fields = (sort["fields"] as JsonArray ?? []).Select(f => JsonTree.String(f) ?? string.Empty).Where(f => f.Length > 0).ToList();
                if (fields.Count == 0)
                {
                    throw new InvalidDataException($"x-sort {name} lists no fields.");
                }

                // Each field becomes a nested class of the extensible enum struct: it must not hide one of its members.
                if (fields.FirstOrDefault(f => Reserved.Contains(EnumNames.MemberName(f))) is { } clash)
                {
                    throw new InvalidDataException($"x-sort {name}: the field '{clash}' would hide a member of the sort type.");
                }

                if (types.TryGetValue(name, out var existing) && !existing.Fields.SequenceEqual(fields))
                {
                    throw new InvalidDataException($"x-sort {name} is declared twice with different fields.");
                }

                if (!types.ContainsKey(name))
                {
                    if (schemas.ContainsKey(name))
                    {
                        throw new InvalidDataException($"x-sort {name} collides with a schema of that name.");
                    }

                    var values = new JsonArray();
                    var names = new JsonArray();
                    foreach (var field in fields)
                    {
                        values.Add($"{field},asc");
                        names.Add(EnumNames.MemberName(field) + "Ascending");
                        values.Add($"{field},desc");
                        names.Add(EnumNames.MemberName(field) + "Descending");
                    }

                    schemas[name] = new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = $"A sort order: one of the fields {string.Join(", ", fields.Select(f => $"`{f}`"))}, ascending or descending (for example `{name}.{EnumNames.MemberName(fields[0])}.Descending`). Any other text converts implicitly, for fields the spec does not know.",
                        ["enum"] = values,
                        ["x-enumNames"] = names,
                    };
                    types[name] = new SortType(name, fields);
                }

                parameter["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/" + name };
            }
        }

        return types;
    }
}
