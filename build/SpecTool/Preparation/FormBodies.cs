using System.Text.Json.Nodes;

namespace SpecTool.Preparation;

/// <summary>
/// A request body that may be sent form-encoded or as JSON is generated as a form (the primary encoding of such APIs,
/// SmartPay's); the JSON alternative stays in the curated spec for other tools.
/// </summary>
internal static class FormBodies
{
    private const string Form = "application/x-www-form-urlencoded";

    public static void Apply(JsonObject document)
    {
        foreach (var (_, _, operation) in JsonTree.Operations(document))
        {
            if (operation["requestBody"] is JsonObject body && body["content"] is JsonObject content
                && content.ContainsKey(Form) && content.ContainsKey("application/json"))
            {
                content.Remove("application/json");
            }
        }
    }
}
