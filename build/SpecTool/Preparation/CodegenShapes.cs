using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// <c>x-codegen: {type, format}</c> states the C# shape of a value whose wire form is a union or a non-standard string
/// (SmartPay's <c>YYYY-MM-DD HH:MM:SS</c> UTC timestamps, booleans sent as <c>true</c>/<c>"true"</c>/<c>1</c>,
/// Smartex's epoch-millisecond times): the schema takes that shape, and the runtime's lenient converters read every
/// wire form into it. The curated spec stays honest about the wire for the contract proxy.
/// </summary>
internal static class CodegenShapes
{
    private static readonly string[] Replaced = ["anyOf", "oneOf", "enum", "pattern", "minimum", "maximum", "format", "type"];

    public static void Apply(JsonObject node)
    {
        if (node["x-codegen"] is not JsonObject shape)
        {
            return;
        }

        foreach (var key in Replaced)
        {
            node.Remove(key);
        }

        if (shape["type"] is { } type)
        {
            node["type"] = type.DeepClone();
        }

        if (shape["format"] is { } format)
        {
            node["format"] = format.DeepClone();
        }

        node.Remove("x-codegen");
    }
}
