using System.Globalization;
using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// The input constraints the spec states (minimum, maximum, length, pattern, allowed values) on each operation's
/// parameters and request-body members, collected so that the generated client checks them before sending.
/// Parameters are inlined (a shared <c>$ref</c> parameter becomes a copy) and marked <c>x-checked</c>, which tells the
/// client template to emit the check. Schemas with <c>x-codegen</c> describe a wire union, not what the caller passes,
/// and typed sorts accept any text: neither is checked.
/// </summary>
internal static class Constraints
{
    public sealed record Constraint(
        string Name,
        decimal? Minimum,
        decimal? Maximum,
        bool ExclusiveMinimum,
        bool ExclusiveMaximum,
        int? MinLength,
        int? MaxLength,
        string? Pattern,
        IReadOnlyList<string> Allowed,
        string? Message);

    public sealed record OperationConstraints(IReadOnlyList<Constraint> Parameters, IReadOnlyList<Constraint> Body);

    public static Dictionary<string, OperationConstraints> Apply(JsonObject document)
    {
        var result = new Dictionary<string, OperationConstraints>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in JsonTree.Operations(document))
        {
            var id = JsonTree.String(operation["operationId"]) ?? $"{method} {path}";
            var parameters = new List<Constraint>();
            if (operation["parameters"] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (JsonTree.Resolve(document, list[i]) is not { } resolved)
                    {
                        continue;
                    }

                    var parameter = (JsonObject)resolved.DeepClone();
                    list[i] = parameter;
                    if (parameter["x-sort"] is not null || JsonTree.String(parameter["name"]) is not { } name)
                    {
                        continue;
                    }

                    if (From(document, name, parameter["schema"], JsonTree.String(parameter["x-invalid-message"])) is { } constraint)
                    {
                        parameter["x-checked"] = true;
                        parameters.Add(constraint);
                    }
                }
            }

            var body = new List<Constraint>();
            if (Paging.RequestSchema(document, operation) is { } requestSchema)
            {
                foreach (var (name, property) in Schemas.Properties(document, requestSchema))
                {
                    if (From(document, name, property, null) is { } constraint)
                    {
                        body.Add(constraint);
                    }
                }
            }

            result[id] = new OperationConstraints(parameters, body);
        }

        return result;
    }

    private static Constraint? From(JsonObject document, string name, JsonNode? schemaNode, string? message)
    {
        var schema = JsonTree.Resolve(document, schemaNode);
        if (schema is null || schema["x-codegen"] is not null)
        {
            return null;
        }

        message ??= JsonTree.String(schemaNode?["x-invalid-message"]) ?? JsonTree.String(schema["x-invalid-message"]);
        if (JsonTree.String(schema["type"]) == "array")
        {
            return From(document, name, schema["items"], message);
        }

        var constraint = new Constraint(
            name,
            Number(schema["minimum"]),
            Number(schema["maximum"]),
            JsonTree.IsTrue(schema["exclusiveMinimum"]),
            JsonTree.IsTrue(schema["exclusiveMaximum"]),
            Integer(schema["minLength"]),
            Integer(schema["maxLength"]),
            JsonTree.String(schema["pattern"]),
            schema["enum"] is JsonArray values && values.All(v => JsonTree.String(v) is not null) ? values.Select(v => JsonTree.String(v)!).ToList() : [],
            message);
        return constraint.Minimum is null && constraint.Maximum is null && constraint.MinLength is null && constraint.MaxLength is null
            && constraint.Pattern is null && constraint.Allowed.Count == 0
            ? null
            : constraint;
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue value && decimal.TryParse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static int? Integer(JsonNode? node) =>
        node is JsonValue value && int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
