using System.CodeDom.Compiler;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tessera.Core.Serialization;
using Stj = System.Text.Json;

namespace Tessera.Conventions.Tests;

/// <summary>
/// Every generated model of the three clients (Pax8 partner, experimental and webhooks, SmartPay, Smartex) means the
/// same under System.Text.Json as under Json.NET (issue 16: ASP.NET Core returns models with System.Text.Json). Each
/// model is filled by reflection (strings, numbers, dates, nested models, lists, maps, untyped values, extensible enums
/// with a known and an UNKNOWN value, an extra member in AdditionalProperties), written by Json.NET with the client's
/// own settings and by System.Text.Json with ASP.NET Core's defaults (Web) and the plain defaults, and the JSON trees
/// compared; then each serializer reads the other's JSON and writes it again. No formatting is normalised: dates,
/// decimals and enums must come out as the same JSON values (compared as parsed trees, so member order and
/// insignificant whitespace do not count).
/// </summary>
public sealed partial class ModelSerializationTests
{
    private const string UnknownEnumValue = "value-the-api-added-later";
    private const string ExtraMemberName = "member_the_spec_does_not_declare";

    private static readonly Assembly[] ClientAssemblies =
    [
        typeof(Pax8.Pax8Client).Assembly,
        typeof(SmartPay.SmartPayClient).Assembly,
        typeof(Smartex.SmartexClient).Assembly,
    ];

    private static readonly Dictionary<string, Type> Models = FindModels().ToDictionary(type => type.FullName!, StringComparer.Ordinal);

    private static readonly Stj.JsonSerializerOptions WebOptions = new(Stj.JsonSerializerDefaults.Web);
    private static readonly Stj.JsonSerializerOptions DefaultOptions = new();

    public static TheoryData<string> ModelNames() => [.. Models.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_client_namespace_has_models()
    {
        var namespaces = Models.Values.Select(type => type.Namespace).ToHashSet(StringComparer.Ordinal);

        namespaces.ShouldBe(
            ["Tessera.Pax8", "Tessera.Pax8.Experimental", "Tessera.Pax8.Webhooks", "Tessera.SmartPay", "Tessera.Smartex"],
            ignoreOrder: true);
        Models.Count.ShouldBeGreaterThan(100);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void System_Text_Json_writes_the_model_as_Json_NET_does(string model)
    {
        var type = Models[model];
        var settings = ClientSettings(type);
        var instance = new Filler().Create(type);

        var newtonsoft = JsonConvert.SerializeObject(instance, type, settings);
        if (HasExtensionData(type))
        {
            newtonsoft.ShouldContain(ExtraMemberName);
        }

        foreach (var options in new[] { WebOptions, DefaultOptions })
        {
            var stj = Stj.JsonSerializer.Serialize(instance, type, options);

            ShouldBeSameJson(stj, newtonsoft, type, $"{model}: System.Text.Json ({Describe(options)}) against Json.NET");
            ShouldHaveNoSerializerArtefacts(Parse(stj), model);
            if (newtonsoft.Contains($"\"{UnknownEnumValue}\"", StringComparison.Ordinal))
            {
                stj.ShouldContain($"\"{UnknownEnumValue}\"", Case.Sensitive, $"{model}: an unknown enum value is written as the string it is");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Each_serializer_reads_what_the_other_wrote(string model)
    {
        var type = Models[model];
        var settings = ClientSettings(type);
        var instance = new Filler().Create(type);
        var newtonsoft = JsonConvert.SerializeObject(instance, type, settings);

        foreach (var options in new[] { WebOptions, DefaultOptions })
        {
            // Json.NET's JSON read by System.Text.Json (an ASP.NET Core request body) and written again, both ways.
            var readByStj = Stj.JsonSerializer.Deserialize(newtonsoft, type, options)!;
            ShouldBeSameJson(Stj.JsonSerializer.Serialize(readByStj, type, options), newtonsoft, type, $"{model}: Json.NET → System.Text.Json ({Describe(options)}) → System.Text.Json");
            ShouldBeSameJson(JsonConvert.SerializeObject(readByStj, type, settings), newtonsoft, type, $"{model}: Json.NET → System.Text.Json ({Describe(options)}) → Json.NET");
            if (HasExtensionData(type))
            {
                ShouldHoldJTokens(readByStj, model);
            }

            // System.Text.Json's JSON read by the client's Json.NET settings and written again.
            var stj = Stj.JsonSerializer.Serialize(instance, type, options);
            var readByNewtonsoft = JsonConvert.DeserializeObject(stj, type, settings)!;
            ShouldBeSameJson(JsonConvert.SerializeObject(readByNewtonsoft, type, settings), stj, type, $"{model}: System.Text.Json ({Describe(options)}) → Json.NET → Json.NET");
            ShouldBeSameJson(Stj.JsonSerializer.Serialize(readByNewtonsoft, type, options), stj, type, $"{model}: System.Text.Json ({Describe(options)}) → Json.NET → System.Text.Json");
        }
    }

    [Fact]
    public void Empty_extension_data_is_written_by_neither_serializer()
    {
        foreach (var type in Models.Values.Where(HasExtensionData))
        {
            var instance = new Filler().Create(type);
            ((IDictionary<string, object>)type.GetProperty("AdditionalProperties")!.GetValue(instance)!).Clear();

            var written = new List<string> { JsonConvert.SerializeObject(instance, type, ClientSettings(type)) };
            written.AddRange(new[] { WebOptions, DefaultOptions }.Select(options => Stj.JsonSerializer.Serialize(instance, type, options)));
            foreach (var json in written)
            {
                Parse(json).Properties().Select(p => p.Name)
                    .ShouldNotContain(name => name.Equals("additionalProperties", StringComparison.OrdinalIgnoreCase), $"{type}: {json}");
            }
        }
    }

    [Fact]
    public void An_unknown_enum_value_round_trips_unchanged_and_a_known_one_in_its_documented_spelling()
    {
        foreach (var options in new[] { WebOptions, DefaultOptions })
        {
            Stj.JsonSerializer.Serialize(new Pax8.CompanyStatus(UnknownEnumValue), options).ShouldBe($"\"{UnknownEnumValue}\"");
            var read = Stj.JsonSerializer.Deserialize<Pax8.CompanyStatus?>($"\"{UnknownEnumValue}\"", options);
            read.ShouldNotBeNull();
            read.Value.Value.ShouldBe(UnknownEnumValue);
            read.Value.IsKnown.ShouldBeFalse();

            var known = Pax8.CompanyStatus.KnownValues[0];
            var loose = Stj.JsonSerializer.Deserialize<Pax8.CompanyStatus>($"\"{known.Value.ToUpperInvariant()}\"", options);
            loose.ShouldBe(known);
            Stj.JsonSerializer.Serialize(loose, options).ShouldBe(JsonConvert.SerializeObject(loose));

            // As lenient as the Json.NET converter: numbers and booleans as their text, null as the empty value.
            Stj.JsonSerializer.Deserialize<Pax8.CompanyStatus>("12.50", options).Value.ShouldBe("12.50");
            Stj.JsonSerializer.Deserialize<Pax8.CompanyStatus>("true", options).Value.ShouldBe("true");
            Stj.JsonSerializer.Deserialize<Pax8.CompanyStatus>("null", options).Value.ShouldBe(string.Empty);
            Stj.JsonSerializer.Deserialize<Pax8.CompanyStatus?>("null", options).ShouldBeNull();

            // As a dictionary key.
            Stj.JsonSerializer.Serialize(new Dictionary<Pax8.CompanyStatus, int> { [new Pax8.CompanyStatus(UnknownEnumValue)] = 1 }, options)
                .ShouldBe($"{{\"{UnknownEnumValue}\":1}}");
            Stj.JsonSerializer.Deserialize<Dictionary<Pax8.CompanyStatus, int>>($"{{\"{UnknownEnumValue}\":1}}", options)!
                .Keys.Single().Value.ShouldBe(UnknownEnumValue);
        }
    }

    internal static IEnumerable<Type> FindModels() =>
        ClientAssemblies
            .SelectMany(assembly => assembly.GetExportedTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && !typeof(Exception).IsAssignableFrom(type)
                && type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema"
                && type.GetConstructor(Type.EmptyTypes) is not null);

    /// <summary>The Json.NET settings the model's client uses (its generated <c>CreateSerializerSettings</c>).</summary>
    internal static JsonSerializerSettings ClientSettings(Type model)
    {
        var client = model.Assembly.GetExportedTypes().Single(type =>
            type.Namespace == model.Namespace && type.IsClass
            && type.GetMethod("CreateSerializerSettings", BindingFlags.NonPublic | BindingFlags.Static) is not null);
        return (JsonSerializerSettings)client.GetMethod("CreateSerializerSettings", BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, null)!;
    }

    private static string Describe(Stj.JsonSerializerOptions options) => ReferenceEquals(options, WebOptions) ? "JsonSerializerDefaults.Web" : "default options";

    private static JToken ParseToken(string json)
    {
        // The client's reading rules: dates stay the strings they were written as, floats keep their decimal digits.
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    private static JObject Parse(string json) => (JObject)ParseToken(json);

    private static bool HasExtensionData(Type type) => type.GetProperty("AdditionalProperties") is not null;

    private static void ShouldBeSameJson(string actual, string expected, Type model, string what)
    {
        var actualTree = ParseToken(actual);
        var expectedTree = ParseToken(expected);
        if (model.Namespace == "Tessera.SmartPay")
        {
            // The one normalisation: SmartPay's settings write its wire timestamps as yyyy-MM-dd HH:mm:ss UTC (A6, a
            // converter in its Json.NET settings, not an attribute System.Text.Json could see); System.Text.Json
            // writes ISO 8601 with the offset. Both are compared as the instant they denote, to the second, the
            // precision of SmartPay's format.
            NormaliseTimestamps(actualTree);
            NormaliseTimestamps(expectedTree);
        }

        JToken.DeepEquals(actualTree, expectedTree).ShouldBeTrue($"{what}\nexpected: {expected}\nactual:   {actual}");
    }

    private static void NormaliseTimestamps(JToken tree)
    {
        foreach (var value in (tree is JContainer container ? container.DescendantsAndSelf() : [tree]).OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
        {
            var text = (string)value.Value!;
            if (Timestamp().IsMatch(text) && LenientDateTimeOffsetConverter.TryParse(text, out var instant))
            {
                var seconds = instant.UtcDateTime;
                value.Value = new DateTime(seconds.Ticks - (seconds.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}")]
    private static partial Regex Timestamp();

    /// <summary>What System.Text.Json writes for a model it does not understand: struct members and the dictionary.</summary>
    private static void ShouldHaveNoSerializerArtefacts(JObject token, string model)
    {
        foreach (var property in token.DescendantsAndSelf().OfType<JProperty>())
        {
            property.Name.ShouldNotBeOneOf(["additionalProperties", "AdditionalProperties", "isKnown", "IsKnown", "canonical", "Canonical"], model);
        }

    }

    /// <summary>Untyped values read by System.Text.Json are the JTokens Json.NET would have read, not JsonElements.</summary>
    private static void ShouldHoldJTokens(object model, string name)
    {
        var extra = (IDictionary<string, object>)model.GetType().GetProperty("AdditionalProperties")!.GetValue(model)!;
        extra[ExtraMemberName].ShouldBeAssignableTo<JToken>(name);
    }

    /// <summary>Fills a model with values of every kind its properties have, recursing into nested models once per type.</summary>
    /// <summary>Fills a model by reflection; <paramref name="withDrift"/> adds unknown enum values and an extra member.</summary>
    internal sealed class Filler(bool withDrift = true)
    {
        private readonly HashSet<Type> _building = [];
        private int _counter;

        public object Create(Type type)
        {
            var instance = Activator.CreateInstance(type)!;
            _building.Add(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.Name == "AdditionalProperties" && property.GetValue(instance) is IDictionary<string, object> extra)
                {
                    if (!withDrift)
                    {
                        continue;
                    }

                    extra[ExtraMemberName] = ParseToken("""{"nested":[1,2.50,"three",true,null],"when":"2024-05-06T07:08:09+02:00"}""");
                    continue;
                }

                if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0
                    && Value(property.PropertyType) is { } value)
                {
                    property.SetValue(instance, value);
                }
            }

            if (instance is IDictionary<string, string> map)
            {
                map["key_" + Next()] = "value";
            }

            _building.Remove(type);
            return instance;
        }

        private int Next() => ++_counter;

        private object? Value(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string))
            {
                return "text " + Next();
            }

            if (underlying == typeof(bool))
            {
                return Next() % 2 == 0;
            }

            if (underlying == typeof(int))
            {
                return Next();
            }

            if (underlying == typeof(long))
            {
                return 9_000_000_000L + Next();
            }

            if (underlying == typeof(decimal))
            {
                return 12.5m + Next();
            }

            if (underlying == typeof(double))
            {
                return 0.25 + Next();
            }

            if (underlying == typeof(DateTimeOffset))
            {
                // A fraction and a non-zero offset: both serializers must keep them (date-only properties write the date).
                return new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2)).AddDays(Next());
            }

            if (underlying == typeof(Guid))
            {
                return new Guid(Next(), 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            }

            if (underlying == typeof(Uri))
            {
                return new Uri("https://example.test/path/" + Next(), UriKind.Absolute);
            }

            if (underlying == typeof(TimeSpan))
            {
                return TimeSpan.FromMinutes(Next());
            }

            if (underlying.IsEnum)
            {
                return Enum.GetValues(underlying).GetValue(0);
            }

            if (underlying == typeof(object))
            {
                // What Json.NET reads an untyped member into.
                return ParseToken("""{"untyped":[1,"two",{"three":3}]}""");
            }

            if (IsExtensibleEnum(underlying))
            {
                // Every other value is one the API added after generation; the others are documented ones.
                var known = (IList)underlying.GetProperty("KnownValues")!.GetValue(null)!;
                return withDrift && Next() % 2 == 1 ? Activator.CreateInstance(underlying, UnknownEnumValue) : known[known.Count - 1];
            }

            if (underlying.IsGenericType && underlying.GetGenericArguments() is [var item]
                && underlying.IsAssignableFrom(typeof(List<>).MakeGenericType(item)))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
                if (IsExtensibleEnum(Nullable.GetUnderlyingType(item) ?? item))
                {
                    // A known and an unknown value in the same list.
                    Next();
                }

                for (var i = 0; i < 2; i++)
                {
                    if (Value(item) is { } element)
                    {
                        list.Add(element);
                    }
                }

                return list;
            }

            if (underlying.IsGenericType && underlying.GetGenericArguments() is [var key, var mapped] && key == typeof(string)
                && underlying.IsAssignableFrom(typeof(Dictionary<,>).MakeGenericType(key, mapped)))
            {
                var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(key, mapped))!;
                if (Value(mapped) is { } element)
                {
                    map["map_key_" + Next().ToString(CultureInfo.InvariantCulture)] = element;
                }

                return map;
            }

            if (underlying.IsClass && underlying.GetConstructor(Type.EmptyTypes) is not null && underlying.Assembly != typeof(object).Assembly)
            {
                // A model nested in itself (directly or not) stops at its first level: the default instance.
                return _building.Contains(underlying) ? Activator.CreateInstance(underlying) : Create(underlying);
            }

            throw new InvalidOperationException($"The filler has no value for {type}; add one.");
        }

        private static bool IsExtensibleEnum(Type type) =>
            type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>));
    }
}
