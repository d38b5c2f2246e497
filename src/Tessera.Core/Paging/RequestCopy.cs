using System.Collections.Concurrent;
using System.Reflection;

namespace Tessera.Core.Paging;

/// <summary>
/// A shallow copy of a generated request model, with its own copy of <c>AdditionalProperties</c>: the
/// <c>…AllAsync</c> methods of body-paged operations send one copy per page and never change the caller's request.
/// </summary>
public static class RequestCopy
{
    private static readonly MethodInfo ShallowClone = typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ExtensionData = new();

    /// <summary>Copies <paramref name="request"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="request">The caller's request.</param>
    /// <returns>An independent shallow copy.</returns>
    public static T Of<T>(T request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = (T)ShallowClone.Invoke(request, null)!;
        var extension = ExtensionData.GetOrAdd(request.GetType(), static type =>
            type.GetProperty("AdditionalProperties", BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true } property
            && property.PropertyType == typeof(IDictionary<string, object>) ? property : null);
        if (extension?.GetValue(request) is IDictionary<string, object> members)
        {
            extension.SetValue(copy, new Dictionary<string, object>(members));
        }

        return copy;
    }
}
