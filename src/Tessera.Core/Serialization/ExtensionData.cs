using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Serialization;

/// <summary>
/// The members of a generated model that its schema does not declare (<c>AdditionalProperties</c>), as
/// <see cref="JToken"/> values whichever serializer read them: Json.NET stores <see cref="JToken"/>s itself, and the
/// <see cref="System.Text.Json.JsonElement"/>s or <see cref="System.Text.Json.Nodes.JsonNode"/>s System.Text.Json
/// stores are converted on the way in, so that either serializer can write them back.
/// </summary>
public sealed class ExtensionData : IDictionary<string, object>
{
    private readonly Dictionary<string, object> _members = new(StringComparer.Ordinal);

    /// <summary>
    /// Members System.Text.Json put into extension data on this thread (it hands them over as JsonElements): lets the
    /// System.Text.Json route of the clients find out cheaply whether a body had members the spec does not list.
    /// </summary>
    [ThreadStatic]
    internal static int ReadBySystemTextJson;

    /// <inheritdoc />
    public object this[string key]
    {
        get => _members[key];
        set => _members[key] = Normalize(value);
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _members.Keys;

    /// <inheritdoc />
    public ICollection<object> Values => _members.Values;

    /// <inheritdoc />
    public int Count => _members.Count;

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, object>>.IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string key, object value) => _members.Add(key, Normalize(value));

    /// <inheritdoc />
    void ICollection<KeyValuePair<string, object>>.Add(KeyValuePair<string, object> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear() => _members.Clear();

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, object>>.Contains(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_members).Contains(item);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _members.ContainsKey(key);

    /// <inheritdoc />
    void ICollection<KeyValuePair<string, object>>.CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object>>)_members).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _members.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Remove(string key) => _members.Remove(key);

    /// <inheritdoc />
    bool ICollection<KeyValuePair<string, object>>.Remove(KeyValuePair<string, object> item) =>
        ((ICollection<KeyValuePair<string, object>>)_members).Remove(item);

    private static object Normalize(object value)
    {
        if (value is System.Text.Json.JsonElement or System.Text.Json.Nodes.JsonNode)
        {
            ReadBySystemTextJson++;
        }

        return JTokenInterop.Normalize(value)!;
    }

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => _members.TryGetValue(key, out value);
}
