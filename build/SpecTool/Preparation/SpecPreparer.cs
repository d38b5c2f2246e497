using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// Turns a curated spec into the document NSwag generates from. The curated spec stays honest about the wire (a
/// contract-validating proxy checks real traffic against it); preparation maps wire-level unions onto the C# types
/// the client exposes, takes out what the client injects itself, types the sorts, resolves paging and marks the
/// inputs the client checks. What it learns about each operation goes into the operation catalog.
/// </summary>
internal static class SpecPreparer
{
    public static PreparationResult Prepare(JsonObject document, IReadOnlySet<string> omitted)
    {
        // First: everything after it (paging item types, the operation catalog) sees the C# type names.
        TypeNames.Apply(document);
        FormBodies.Apply(document);
        var injected = InjectedFields.Apply(document, omitted);
        var sorts = Sorting.Apply(document);

        // Before the schema walk: x-codegen marks wire unions, which are not checked, and the walk removes it.
        var constraints = Constraints.Apply(document);
        var paging = Paging.Apply(document);
        foreach (var node in JsonTree.Objects(document))
        {
            CodegenShapes.Apply(node);
            DateUnions.Apply(node);
            EnumNames.Apply(node);
        }

        return new PreparationResult(injected, sorts, constraints, paging);
    }
}
