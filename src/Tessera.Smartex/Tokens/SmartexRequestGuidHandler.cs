using System.Collections.Concurrent;
using System.Reflection;
using Tessera.Core.Http;

namespace Tessera.Smartex.Tokens;

/// <summary>
/// Gives every POST whose body declares <c>guid</c> (tokens, invoices, bills, refunds) a fresh UUID when the caller
/// left it empty, as the Node client does for every POST ("GUIDs (which are required for POSTs)") and PHP for tokens and
/// invoices. The value is chosen once per request message and written at serialization, so the caller's model is never
/// changed (a reused model gets a new guid on its next call) and a resend of the same message carries the same guid.
/// </summary>
/// <remarks>
/// No source says the server deduplicates on <c>guid</c>, so this does not make any POST safe to retry; it only sends what
/// every Smartex client sends.
/// </remarks>
internal sealed class SmartexRequestGuidHandler : DelegatingHandler
{
    private const string FieldName = "guid";
    private static readonly HttpRequestOptionsKey<string> Chosen = new("Tessera.Smartex.Guid");
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> GuidProperties = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Post && request.Content is ModelContent { Model: { } model } && !HasGuid(model))
        {
            if (!request.Options.TryGetValue(Chosen, out var guid))
            {
                guid = Guid.NewGuid().ToString("D");
                request.Options.Set(Chosen, guid);
            }

            ModelContent.TrySetField(request, FieldName, guid);
        }

        return base.SendAsync(request, cancellationToken);
    }

    // True when the body declares no guid (nothing to fill) or the caller set one (explicitly, or in AdditionalProperties).
    private static bool HasGuid(object model)
    {
        if (GuidProperties.GetOrAdd(model.GetType(), FindGuidProperty) is not { } property)
        {
            return true;
        }

        return property.GetValue(model) is string { Length: > 0 }
            || (model.GetType().GetProperty("AdditionalProperties")?.GetValue(model) is IDictionary<string, object> members
                && members.TryGetValue(FieldName, out var value) && value is string { Length: > 0 });
    }

    private static PropertyInfo? FindGuidProperty(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .FirstOrDefault(p => p.PropertyType == typeof(string)
            && string.Equals(p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName, FieldName, StringComparison.Ordinal));
}
