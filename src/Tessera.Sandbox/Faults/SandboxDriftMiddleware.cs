using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Faults;

/// <summary>
/// <see cref="SandboxOptions.Drift"/>: answers as a vendor that drifted from its docs would, so a client's drift
/// report can be seen end to end. Every successful JSON response gets a member no spec describes
/// (<c>sandboxDrift</c>) on its root object and on each object of the root's arrays (a page's items), and those items'
/// <c>status</c> strings become <c>drifted</c>, a value no spec lists. Nothing else changes.
/// </summary>
internal static class SandboxDriftMiddleware
{
    public const string Member = "sandboxDrift";
    public const string Status = "drifted";

    public static void Use(WebApplication app, bool enabled)
    {
        if (enabled)
        {
            app.Use(DriftAsync);
        }
    }

    private static async Task DriftAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.ToArray();
        if (context.Response.StatusCode is >= 200 and < 300
            && context.Response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
            && bytes.Length > 0
            && Rewrite(bytes) is { } drifted)
        {
            bytes = drifted;
        }

        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static byte[]? Rewrite(byte[] body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (root is not JsonObject rootObject)
        {
            return null;
        }

        foreach (var (_, value) in rootObject.ToList())
        {
            foreach (var item in (value as JsonArray ?? []).OfType<JsonObject>())
            {
                item[Member] = "a member no spec describes";
                if (item["status"] is JsonValue status && status.TryGetValue<string>(out _))
                {
                    item["status"] = Status;
                }
            }
        }

        rootObject[Member] = "a member no spec describes";
        return System.Text.Encoding.UTF8.GetBytes(rootObject.ToJsonString());
    }
}
