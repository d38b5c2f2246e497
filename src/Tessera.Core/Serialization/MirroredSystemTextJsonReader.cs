using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Newtonsoft.Json.Serialization;
using Tessera.Core.Drift;
using JsonNet = Newtonsoft.Json;

namespace Tessera.Core.Serialization;

/// <summary>
/// Reads a success body with System.Text.Json configured, type by type, to mirror what the client's Json.NET
/// serializer would do, and gives up (returns <see langword="false"/>) wherever the result could differ; the caller
/// then reads the body with Json.NET as before. Json.NET stays the definition of every reading rule, the drift
/// reports (docs/drift.md) and every error: System.Text.Json is only a faster route to the same model when the body
/// is one Json.NET would read without tolerating anything.
/// </summary>
/// <remarks>
/// <para>
/// What makes the route exact. A model type is read by System.Text.Json only if its whole Json.NET contract was
/// checked first: every property's wire name, requiredness (<c>Required.Always</c> etc.) and null handling
/// (<c>NullValueHandling.Ignore</c>) is applied to the System.Text.Json property; every Json.NET converter on the way
/// (member, type or settings) names its System.Text.Json mirror through <see cref="ISystemTextJsonReadMirror"/>, a
/// reader that accepts only what the Json.NET converter accepts without a drift report; primitives are the few whose
/// built-in readings agree (string, bool, int, long, double, decimal, Guid, and non-empty Uri strings). Anything else (an untyped member, a
/// converter without a mirror, a constructor with parameters, callbacks) keeps the root type on Json.NET.
/// </para>
/// <para>
/// Members the spec does not list go into the model's extension data (<c>AdditionalProperties</c>, as the JTokens
/// Json.NET would store) and are reported as drift after the read, with Json.NET's paths and kinds: SmartPay echoes
/// request parameters in every response, and those bodies stay on this route. What goes to Json.NET per body:
/// anything else System.Text.Json refuses — an unknown enum value, a string for a number, a comment, invalid UTF-8 —
/// and any body containing <c>"$</c> (Json.NET reads <c>"$ref"</c>, <c>"$id"</c>, … as metadata; a string value
/// starting with <c>$</c> is sent there too, which costs time, not correctness). Such a body is parsed twice; a type
/// whose bodies keep failing is tried only once every 64 bodies.
/// </para>
/// </remarks>
public sealed class MirroredSystemTextJsonReader
{
    private const int FailuresBeforeBackOff = 8;
    private const int BackOffInterval = 64;

    private readonly JsonNet.JsonSerializer _jsonNet;
    private readonly IContractResolver _resolver;
    private readonly JsonSerializerOptions _options;
    private readonly ConcurrentDictionary<Type, ObjectPlan> _objects = new();
    private readonly ConcurrentDictionary<Type, JsonConverter> _typeConverters = new();
    private readonly ConcurrentDictionary<Type, Root> _roots = new();
    private readonly ConcurrentDictionary<JsonTypeInfo, JsonPropertyInfo[]> _walked = new();

    private MirroredSystemTextJsonReader(JsonNet.JsonSerializer serializer)
    {
        _jsonNet = serializer;
        _resolver = serializer.ContractResolver;
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(ApplyPlan);
        _options = new JsonSerializerOptions
        {
            // Json.NET binds a member whose name differs only in case; the walk refuses types where that is ambiguous.
            PropertyNameCaseInsensitive = true,

            // One level less than Json.NET allows: a body at the limit goes to Json.NET, which decides.
            MaxDepth = Math.Max(1, (serializer.MaxDepth ?? 64) - 1),
            TypeInfoResolver = resolver,

            // Lets each member say whether it takes null (JsonPropertyInfo.IsSetNullable, set from Json.NET's Required
            // below): the check is System.Text.Json's own, with no setter wrapped (and no value boxed) for it.
            RespectNullableAnnotations = true,
        };
        _options.Converters.Add(new TypeLevelMirror(this));
        _options.Converters.Add(StrictUriSystemTextJsonReader.Instance);
        _options.MakeReadOnly();
    }

    /// <summary>
    /// A reader mirroring <paramref name="serializer"/>, or <see langword="null"/> when its settings are ones this
    /// reader cannot mirror (a naming strategy, type names, date parsing of strings, missing-member errors, …).
    /// </summary>
    /// <param name="serializer">The client's Json.NET serializer, as its generated code reads responses.</param>
    /// <returns>The reader, or <see langword="null"/>.</returns>
    public static MirroredSystemTextJsonReader? Create(JsonNet.JsonSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        var exact = serializer.ContractResolver is DefaultContractResolver { NamingStrategy: null, IgnoreSerializableAttribute: true, IgnoreIsSpecifiedMembers: false, IgnoreShouldSerializeMembers: false }
            && serializer.DateParseHandling == JsonNet.DateParseHandling.None
            && serializer.MissingMemberHandling == JsonNet.MissingMemberHandling.Ignore
            && serializer.TypeNameHandling == JsonNet.TypeNameHandling.None
            && serializer.PreserveReferencesHandling == JsonNet.PreserveReferencesHandling.None
            && serializer.ConstructorHandling == JsonNet.ConstructorHandling.Default
            && serializer.DefaultValueHandling is JsonNet.DefaultValueHandling.Include or JsonNet.DefaultValueHandling.Ignore;
        return exact ? new MirroredSystemTextJsonReader(serializer) : null;
    }

    /// <summary>Whether bodies of <paramref name="type"/> can be read here at all; the reason when not (for tests and diagnostics).</summary>
    /// <param name="type">A response model type.</param>
    /// <param name="reason">Why not.</param>
    /// <returns><see langword="true"/> when the type's whole contract is mirrored.</returns>
    public bool IsMirrored(Type type, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(type);
        var root = RootOf(type);
        reason = root.Reason;
        return root.TypeInfo is not null;
    }

    /// <summary>Reads <paramref name="utf8Json"/> as <typeparamref name="T"/> when that is exact.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="utf8Json">The body, UTF-8 without a byte order mark.</param>
    /// <param name="value">The model (<see langword="null"/> for JSON <c>null</c>).</param>
    /// <returns><see langword="false"/> when Json.NET must read the body (nothing was recorded or thrown).</returns>
    public bool TryDeserialize<T>(ReadOnlySpan<byte> utf8Json, out T? value)
    {
        value = default;
        var root = RootOf(typeof(T));
        if (root.TypeInfo is not JsonTypeInfo<T> typeInfo || root.ShouldSkip()

            // Json.NET reads "$id", "$ref", "$type" and "$values" as metadata, System.Text.Json as members.
            || utf8Json.IndexOf("\"$"u8) >= 0)
        {
            return false;
        }

        try
        {
            var unknownMembers = ExtensionData.ReadBySystemTextJson;
            value = JsonSerializer.Deserialize(utf8Json, typeInfo);
            if (ExtensionData.ReadBySystemTextJson != unknownMembers && WireDrift.IsObserving)
            {
                // Members the spec does not list went into extension data, as with Json.NET: report them as it does.
                RecordUnknownMembers(value, typeInfo, string.Empty, 0);
            }

            root.Succeeded();
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever System.Text.Json refused (an unknown enum value, a lenient value, invalid JSON) Json.NET now reads,
            // reports as drift or turns into the client's error, exactly as without this reader.
            root.Failed();
            value = default;
            return false;
        }
    }

    private Root RootOf(Type type) => _roots.GetOrAdd(type, static (type, reader) => reader.Prepare(type), this);

    private Root Prepare(Type type)
    {
        var reason = Check(type, memberConverter: null, out _, []);
        if (reason is not null)
        {
            return new Root(null, reason);
        }

        try
        {
            return new Root(_options.GetTypeInfo(type), null);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return new Root(null, exception.Message);
        }
    }

    /// <summary>
    /// Checks one place a value of <paramref name="type"/> is read (root, property, item) against Json.NET's contract;
    /// null when it is mirrored. <paramref name="converter"/> is the System.Text.Json reader a converter of Json.NET's
    /// maps to (null: built-in reading or, for a type-level converter, <see cref="TypeLevelMirror"/>).
    /// </summary>
    private string? Check(Type type, JsonNet.JsonConverter? memberConverter, out JsonConverter? converter, HashSet<Type> visiting)
    {
        converter = null;
        if (type == typeof(object))
        {
            return "an untyped (object) member";
        }

        var contract = _resolver.ResolveContract(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;

        // Json.NET's order (JsonSerializerInternalReader.GetConverter): member, type attribute, settings, internal.
        var jsonNetConverter = memberConverter ?? contract.Converter ?? Matching(type) ?? contract.InternalConverter;
        if (jsonNetConverter is { CanRead: true })
        {
            if (jsonNetConverter is not ISystemTextJsonReadMirror mirror || !mirror.TryGetSystemTextJsonReader(target, out converter))
            {
                return $"{jsonNetConverter.GetType().Name} reads {target.Name} and has no System.Text.Json mirror";
            }

            if (converter is null)
            {
                return BuiltIn(target);
            }

            if (memberConverter is null)
            {
                // Type level: the options' converter serves properties and items alike.
                _typeConverters[target] = converter;
                converter = null;
            }
            else if (target != type)
            {
                // A member's converter for T on a T? member: System.Text.Json wraps attribute converters, not these.
                converter = (JsonConverter)Activator.CreateInstance(typeof(NullableReader<>).MakeGenericType(target), converter)!;
            }

            return null;
        }

        // No converter: Json.NET's own reading of the contract.
        return contract switch
        {
            JsonPrimitiveContract => BuiltIn(target),
            JsonObjectContract objectContract => CheckObject(objectContract, visiting),
            JsonArrayContract arrayContract => CheckArray(arrayContract, visiting),
            JsonDictionaryContract dictionaryContract => CheckDictionary(dictionaryContract, visiting),
            _ => $"{target.Name} is read by Json.NET as {contract.GetType().Name}",
        };
    }

    private string? BuiltIn(Type type)
    {
        // Types whose built-in readings accept the same JSON tokens to the same values in both libraries (strings for
        // numbers and the like are Json.NET's tolerance: System.Text.Json refuses them and Json.NET reads the body).
        if (type != typeof(string) && type != typeof(bool) && type != typeof(int) && type != typeof(long)
            && type != typeof(double) && type != typeof(decimal) && type != typeof(Guid)

            // Both: new Uri(text, UriKind.RelativeOrAbsolute); an empty string, which Json.NET reads as null, goes to
            // Json.NET (StrictUriSystemTextJsonReader).
            && type != typeof(Uri))
        {
            return $"{type.Name} has no exact System.Text.Json reading";
        }

        // A System.Text.Json converter attached to the type itself would replace the built-in reading.
        return type.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>() is not null
            || _typeConverters.ContainsKey(type)
            ? $"{type.Name} has a System.Text.Json converter Json.NET does not use"
            : null;
    }

    private string? CheckObject(JsonObjectContract contract, HashSet<Type> visiting)
    {
        var type = contract.UnderlyingType;
        if (_objects.ContainsKey(type) || !visiting.Add(type))
        {
            return null;
        }

        if (type.IsAbstract || contract.DefaultCreator is null || contract.DefaultCreatorNonPublic || contract.OverrideCreator is not null
            || contract.CreatorParameters.Count > 0 || contract.OnDeserializingCallbacks.Count > 0 || contract.OnDeserializedCallbacks.Count > 0
            || contract.OnErrorCallbacks.Count > 0 || contract.ItemRequired is not null || contract.ItemConverter is not null
            || contract.ItemNullValueHandling is not null || contract.ItemTypeNameHandling is not null || contract.ItemIsReference is not null
            || contract.IsReference is not null || contract.ExtensionDataValueType is { } valueType && valueType != typeof(object)
            || type.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>() is not null)
        {
            return $"{type.Name}: its Json.NET contract has a creator, callbacks or item settings";
        }

        // What a new instance holds before Json.NET reads into it: skipping a null only matters where that is not null.
        var fresh = contract.DefaultCreator();
        var properties = new Dictionary<string, PropertyPlan>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in contract.Properties)
        {
            if (property.Ignored)
            {
                continue;
            }

            if (!property.Writable || property.UnderlyingName is null || property.PropertyName is null || property.PropertyType is null
                || property.ItemConverter is not null || property.ItemIsReference is not null || property.ItemTypeNameHandling is not null
                || property.TypeNameHandling is not null || property.IsReference is not null || property.ShouldDeserialize is not null
                || property.SetIsSpecified is not null
                || property.DefaultValueHandling is not (null or JsonNet.DefaultValueHandling.Include or JsonNet.DefaultValueHandling.Ignore))
            {
                return $"{type.Name}.{property.UnderlyingName}: Json.NET settings on the member";
            }

            if (!names.Add(property.PropertyName))
            {
                return $"{type.Name}: two members named '{property.PropertyName}' but for case";
            }

            var reason = Check(property.PropertyType, property.Converter, out var converter, visiting);
            if (reason is not null)
            {
                return $"{type.Name}.{property.UnderlyingName}: {reason}";
            }

            var required = property.Required;
            var initial = property.Readable ? property.ValueProvider?.GetValue(fresh) : null;
            var nullHandling = property.NullValueHandling ?? _jsonNet.NullValueHandling;
            var nulls = required is JsonNet.Required.Always or JsonNet.Required.DisallowNull ? NullMode.Refuse
                : nullHandling == JsonNet.NullValueHandling.Ignore && initial is not null ? NullMode.Skip
                : NullMode.Set;

            // Json.NET reads into a model or list a new instance already holds (ObjectCreationHandling.Auto);
            // System.Text.Json does the same when told to populate, instead of building and dropping a second one.
            var populate = converter is null && (property.ObjectCreationHandling ?? _jsonNet.ObjectCreationHandling) != JsonNet.ObjectCreationHandling.Replace
                && !property.PropertyType.IsValueType && property.PropertyType != typeof(string) && !property.PropertyType.IsArray
                && initial is not null
                && _resolver.ResolveContract(property.PropertyType) is JsonObjectContract or JsonArrayContract or JsonDictionaryContract
                && !_typeConverters.ContainsKey(property.PropertyType);
            properties[property.UnderlyingName] = new PropertyPlan(
                property.PropertyName, converter, required is JsonNet.Required.Always or JsonNet.Required.AllowNull, nulls, populate);
        }

        _objects[type] = new ObjectPlan(properties, contract.ExtensionDataSetter is not null);
        return null;
    }

    private string? CheckArray(JsonArrayContract contract, HashSet<Type> visiting)
    {
        var type = contract.UnderlyingType;
        var item = contract.CollectionItemType;
        var shape = type.IsArray ? (type.GetArrayRank() == 1 ? typeof(Array) : null) : type.IsGenericType ? type.GetGenericTypeDefinition() : null;
        if (item is null || contract.ItemConverter is not null || contract.ItemIsReference is not null || contract.ItemTypeNameHandling is not null
            || contract.IsReference is not null
            || (shape != typeof(Array) && shape != typeof(List<>) && shape != typeof(IList<>) && shape != typeof(ICollection<>) && shape != typeof(IEnumerable<>)))
        {
            return $"{type.Name}: a collection shape the two libraries may build differently";
        }

        return Check(item, memberConverter: null, out _, visiting);
    }

    private string? CheckDictionary(JsonDictionaryContract contract, HashSet<Type> visiting)
    {
        var type = contract.UnderlyingType;
        var shape = type.IsGenericType ? type.GetGenericTypeDefinition() : null;
        if (contract.DictionaryKeyType != typeof(string) || contract.DictionaryValueType is not { } value || contract.ItemConverter is not null
            || contract.ItemIsReference is not null || contract.ItemTypeNameHandling is not null || contract.IsReference is not null
            || contract.DictionaryKeyResolver is not null && contract.DictionaryKeyResolver("k") != "k"
            || (shape != typeof(Dictionary<,>) && shape != typeof(IDictionary<,>) && !IsPlainDictionaryClass(type)))
        {
            return $"{type.Name}: a dictionary shape the two libraries may build differently";
        }

        return Check(value, memberConverter: null, out _, visiting);
    }

    /// <summary>A generated map model (<c>class X : Dictionary&lt;string, V&gt;</c>) with nothing of its own.</summary>
    private static bool IsPlainDictionaryClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, BaseType: { IsGenericType: true } baseType }
        && baseType.GetGenericTypeDefinition() == typeof(Dictionary<,>)
        && type.GetConstructor(Type.EmptyTypes) is not null
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length == 0
        && type.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>() is null;

    private JsonNet.JsonConverter? Matching(Type type)
    {
        foreach (var converter in _jsonNet.Converters)
        {
            if (converter.CanConvert(type))
            {
                return converter;
            }
        }

        return null;
    }

    /// <summary>System.Text.Json's contract of a checked model, made to read as Json.NET's does.</summary>
    private void ApplyPlan(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        if (!_objects.TryGetValue(typeInfo.Type, out var plan))
        {
            throw new InvalidOperationException($"{typeInfo.Type.Name} was not checked against its Json.NET contract.");
        }

        var mapped = 0;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData)
            {
                // Members the spec does not list land here as with Json.NET (AdditionalProperties, as JTokens) and are
                // reported as drift after the read (RecordUnknownMembers).
                if (!plan.HasExtensionData)
                {
                    throw new InvalidOperationException($"{typeInfo.Type.Name} has extension data only System.Text.Json sees.");
                }

                continue;
            }

            if (property.AttributeProvider is not MemberInfo member || !plan.Properties.TryGetValue(member.Name, out var mirror)
                || !string.Equals(property.Name, mirror.Name, StringComparison.Ordinal) || property.Set is not { } set)
            {
                throw new InvalidOperationException($"{typeInfo.Type.Name}.{property.Name} does not match Json.NET's member.");
            }

            mapped++;
            property.CustomConverter = mirror.Converter;
            property.IsRequired = mirror.Required;
            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                // Json.NET's Required.Always and DisallowNull refuse null (a non-nullable value type refuses it anyway).
                property.IsSetNullable = mirror.Nulls != NullMode.Refuse;
            }

            if (mirror.Populate)
            {
                property.ObjectCreationHandling = JsonObjectCreationHandling.Populate;
            }

            if (mirror.Nulls == NullMode.Skip)
            {
                // NullValueHandling.Ignore over a member a new instance fills (a list, a nested model): null keeps it.
                property.Set = (target, value) =>
                {
                    if (value is not null)
                    {
                        set(target, value);
                    }
                };
            }
        }

        if (mapped != plan.Properties.Count)
        {
            throw new InvalidOperationException($"{typeInfo.Type.Name} has members System.Text.Json does not see.");
        }

        typeInfo.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
    }

    /// <summary>
    /// Reports every member in the extension data of <paramref name="value"/>'s models as Json.NET's contract resolver
    /// does while reading (<c>DriftContractResolver</c>): same path (Json.NET's, as a pattern), same JSON kind.
    /// </summary>
    private void RecordUnknownMembers(object? value, JsonTypeInfo typeInfo, string path, int depth)
    {
        if (value is null || depth > 128)
        {
            return;
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in _walked.GetOrAdd(typeInfo, static (info, options) => WalkedProperties(info, options), _options))
                {
                    if (property.Get?.Invoke(value) is not { } member)
                    {
                        continue;
                    }

                    if (property.IsExtensionData)
                    {
                        foreach (var (name, extra) in (IDictionary<string, object>)member)
                        {
                            WireDrift.RecordMemberAt(WireDrift.MemberPath(JsonNetPath(path, name), name), extra);
                        }
                    }
                    else
                    {
                        RecordUnknownMembers(member, _options.GetTypeInfo(property.PropertyType), JsonNetPath(path, property.Name), depth + 1);
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable when typeInfo.ElementType is { } element && value is System.Collections.IEnumerable items:
                var itemInfo = _options.GetTypeInfo(element);
                foreach (var item in items)
                {
                    RecordUnknownMembers(item, itemInfo, path + "[]", depth + 1);
                }

                break;
            case JsonTypeInfoKind.Dictionary when typeInfo.ElementType is { } element && value is System.Collections.IDictionary entries:
                var entryInfo = _options.GetTypeInfo(element);
                foreach (System.Collections.DictionaryEntry entry in entries)
                {
                    RecordUnknownMembers(entry.Value, entryInfo, JsonNetPath(path, (string)entry.Key), depth + 1);
                }

                break;
        }
    }

    /// <summary>The members that can hold extension data: models, lists and maps (not strings, numbers, enums or dates).</summary>
    private static JsonPropertyInfo[] WalkedProperties(JsonTypeInfo typeInfo, JsonSerializerOptions options) =>
        [.. typeInfo.Properties.Where(property => property.IsExtensionData
            || (property.CustomConverter is null && options.GetTypeInfo(property.PropertyType).Kind != JsonTypeInfoKind.None))];

    /// <summary>Json.NET's path of member <paramref name="name"/> under <paramref name="parent"/> (JsonPosition's rules).</summary>
    private static string JsonNetPath(string parent, string name)
    {
        if (name.AsSpan().IndexOfAny(PathSpecialCharacters) < 0)
        {
            return parent.Length == 0 ? name : parent + "." + name;
        }

        var escaped = new System.Text.StringBuilder(parent.Length + name.Length + 8).Append(parent).Append("['");
        foreach (var c in name)
        {
            _ = c switch
            {
                '\\' => escaped.Append(@"\\"),
                '\'' => escaped.Append(@"\'"),
                '\t' => escaped.Append(@"\t"),
                '\n' => escaped.Append(@"\n"),
                '\r' => escaped.Append(@"\r"),
                '\f' => escaped.Append(@"\f"),
                '\b' => escaped.Append(@"\b"),
                '\u0085' => escaped.Append(@"\u0085"),
                '\u2028' => escaped.Append(@"\u2028"),
                '\u2029' => escaped.Append(@"\u2029"),
                < ' ' => escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.Append("']").ToString();
    }

    private static readonly System.Buffers.SearchValues<char> PathSpecialCharacters =
        System.Buffers.SearchValues.Create(['.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029']);

    private enum NullMode
    {
        /// <summary>Null is set (or, where a new instance holds null anyway, skipped: the same model).</summary>
        Set,

        /// <summary>Null is skipped, keeping what a new instance holds (NullValueHandling.Ignore).</summary>
        Skip,

        /// <summary>Null is refused (Required.Always, Required.DisallowNull).</summary>
        Refuse,
    }

    private sealed record PropertyPlan(string Name, JsonConverter? Converter, bool Required, NullMode Nulls, bool Populate);

    private sealed record ObjectPlan(Dictionary<string, PropertyPlan> Properties, bool HasExtensionData);

    /// <summary>The mirrors of Json.NET's type-level and settings converters, for every place their type is read.</summary>
    private sealed class TypeLevelMirror(MirroredSystemTextJsonReader reader) : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => reader._typeConverters.ContainsKey(typeToConvert);

        public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) => reader._typeConverters[typeToConvert];
    }

    /// <summary>A member converter's reader for <c>T</c> on a <c>T?</c> member: null is null, anything else the reader's.</summary>
    private sealed class NullableReader<T>(JsonConverter<T> reader) : JsonConverter<T?>
        where T : struct
    {
        public override bool HandleNull => false;

        public override T? Read(ref Utf8JsonReader json, Type typeToConvert, JsonSerializerOptions options) =>
            reader.Read(ref json, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) =>
            throw new NotSupportedException("A reading mirror only.");
    }

    private sealed class Root(JsonTypeInfo? typeInfo, string? reason)
    {
        private int _failures;
        private int _skipped;

        public JsonTypeInfo? TypeInfo { get; } = typeInfo;

        public string? Reason { get; } = reason;

        public bool ShouldSkip() =>
            Volatile.Read(ref _failures) >= FailuresBeforeBackOff && Interlocked.Increment(ref _skipped) % BackOffInterval != 0;

        public void Succeeded()
        {
            if (Volatile.Read(ref _failures) != 0)
            {
                Volatile.Write(ref _failures, 0);
            }
        }

        public void Failed() => Interlocked.Increment(ref _failures);
    }
}
