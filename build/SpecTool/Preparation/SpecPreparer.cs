using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// Turns a curated spec into the document NSwag generates from. The curated spec stays honest about the wire (a
/// contract-validating proxy checks real traffic against it); preparation only maps wire-level unions onto the C#
/// types the client exposes, and takes out what the client injects itself.
/// </summary>
internal static class SpecPreparer
{
    public static JsonObject Prepare(JsonObject document, IReadOnlySet<string> omitted)
    {
        FormBodies.Apply(document);
        InjectedFields.Apply(document, omitted);
        foreach (var node in JsonTree.Objects(document))
        {
            CodegenShapes.Apply(node);
            DateUnions.Apply(node);
            EnumNames.Apply(node);
        }

        return document;
    }
}
