using System.Net;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tessera.Core.Drift;
using Tessera.Core.Operations;
using Tessera.Core.Serialization;

namespace Tessera.Conventions.Tests;

/// <summary>
/// The System.Text.Json route of the generated clients (<see cref="MirroredSystemTextJsonReader"/>) gives the model
/// Json.NET gives, or stands aside. For every generated model: a body written from a filled instance, and a few
/// hundred variants of it (each member removed, null, a string, a number, a boolean, an object, an array, renamed in
/// upper case, unknown members beside it, an unknown enum value), each read both ways. Wherever the mirror reads a
/// body, Json.NET must read it too, the two models must write the same JSON, and the drift reports must be the same
/// (only unknown members: every other drift goes to Json.NET). Which models are not mirrored, and why, is an approved
/// listing.
/// </summary>
public sealed class MirroredReadingTests
{
    private static readonly Dictionary<string, Type> Models =
        ModelSerializationTests.FindModels().ToDictionary(type => type.FullName!, StringComparer.Ordinal);

    private static readonly OperationDescriptor Operation = new("test", "readModel", "GET", "/", OperationAuthentication.None);

    public static TheoryData<string> ModelNames() => [.. Models.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void The_response_models_of_the_benchmarked_calls_are_mirrored()
    {
        // The small GET, the page of 1,000 and the SmartPay form POST of docs/performance.md.
        foreach (var type in new[] { typeof(Pax8.Company), typeof(Pax8.CompanyPage), typeof(SmartPay.ConsumerReferenceResponse) })
        {
            Reader(type).IsMirrored(type, out var reason).ShouldBeTrue($"{type.Name}: {reason}");
        }
    }

    [Fact]
    public void Which_models_stay_on_Json_NET_is_approved()
    {
        var listing = new StringBuilder();
        foreach (var (name, type) in Models.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!Reader(type).IsMirrored(type, out var reason))
            {
                listing.Append(name).Append(": ").AppendLine(reason);
            }
        }

        listing.ToString().ShouldMatchApproved(b => b.SubFolder("Snapshots").WithFileExtension("txt").NoDiff());
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void The_mirror_reads_a_body_as_Json_NET_does_or_not_at_all(string model)
    {
        var type = Models[model];
        var reader = Reader(type);
        var serializer = ResponseBody.CreateSerializer(ModelSerializationTests.ClientSettings(type));
        var clean = JsonConvert.SerializeObject(new ModelSerializationTests.Filler(withDrift: false).Create(type), ModelSerializationTests.ClientSettings(type));
        var mirrored = reader.IsMirrored(type, out var reason);

        var read = 0;
        foreach (var (what, json) in Variants(clean))
        {
            var (netRead, netModel, drift) = ReadWithJsonNet(type, serializer, json);
            var (mirrorRead, mirrorModel, mirrorDrift) = ReadWithMirror(type, reader, json);
            if (what == "as written" && mirrored)
            {
                mirrorRead.ShouldBeTrue($"{type.Name} is mirrored ({reason}) but its own clean body was not read by the mirror");
            }

            if (!mirrorRead)
            {
                continue;
            }

            read++;
            netRead.ShouldBeTrue($"{type.Name}, {what}: the mirror read a body Json.NET refuses: {json}");
            mirrorDrift.ShouldBe(drift, $"{type.Name}, {what}: the mirror reported other drift than Json.NET: {json}");
            if (drift.Count > 0)
            {
                // Only unknown members are read by the mirror with drift; everything else Json.NET tolerates goes to Json.NET.
                drift.ShouldAllBe(report => report.Contains("UnknownMember", StringComparison.Ordinal), $"{type.Name}, {what}: {json}");
            }
            JsonConvert.SerializeObject(mirrorModel, ModelSerializationTests.ClientSettings(type))
                .ShouldBe(JsonConvert.SerializeObject(netModel, ModelSerializationTests.ClientSettings(type)), $"{type.Name}, {what}: {json}");
        }

        if (!mirrored)
        {
            read.ShouldBe(0, $"{type.Name} is not mirrored ({reason}), yet the mirror read a body");
        }
    }

    [Fact]
    public void A_caller_can_turn_the_mirror_off_and_gets_the_same_model()
    {
        var client = new Pax8.Pax8Client(new HttpClient());
        client.UseSystemTextJsonWhenExact.ShouldBeTrue();
        client.UseSystemTextJsonWhenExact = false;
        client.UseSystemTextJsonWhenExact.ShouldBeFalse();
    }

    private static MirroredSystemTextJsonReader Reader(Type model) =>
        MirroredSystemTextJsonReader.Create(ResponseBody.CreateSerializer(ModelSerializationTests.ClientSettings(model)))
        ?? throw new InvalidOperationException($"The settings of {model.Namespace} cannot be mirrored.");

    /// <summary>The body as written, then one change at a time to every member of every object in it (up to 60 objects).</summary>
    private static IEnumerable<(string What, string Json)> Variants(string json)
    {
        yield return ("as written", json);
        var root = JToken.Parse(json);
        var objects = new[] { root }.Concat(((JContainer)root).Descendants()).OfType<JObject>().Take(60).ToList();
        for (var o = 0; o < objects.Count; o++)
        {
            var path = objects[o].Path;
            yield return ($"{path}: an unknown member", Mutate(root, path, target => target.Add("member_the_spec_does_not_list", 1)));
            yield return ($"{path}: unknown members of every kind and odd names", Mutate(root, path, target =>
            {
                target.Add("odd name.with 'quotes' [and] \\ slash", "x");
                target.Add("nested_unknown", JObject.Parse("{\"a\":[1,2.5,{\"b\":null}]}"));
                target.Add("list_unknown", new JArray(true, false));
                target.Add("number_unknown", 12.50m);
                target.Add("null_unknown", JValue.CreateNull());
            }));
            foreach (var name in objects[o].Properties().Select(property => property.Name).ToList())
            {
                var at = $"{path}.{name}";
                yield return ($"{at} removed", Mutate(root, path, target => target.Remove(name)));
                yield return ($"{at} renamed upper case", Mutate(root, path, target => Rename(target, name, name.ToUpperInvariant())));
                foreach (var (kind, value) in Replacements(objects[o][name]!))
                {
                    yield return ($"{at} as {kind}", Mutate(root, path, target => target[name] = value));
                }
            }
        }
    }

    private static IEnumerable<(string Kind, JToken Value)> Replacements(JToken current)
    {
        yield return ("null", JValue.CreateNull());
        yield return ("a string", "text");
        yield return ("a numeric string", "42");
        yield return ("a boolean", true);
        yield return ("a whole number", 7);
        yield return ("a fraction", 1.5m);
        yield return ("an empty object", new JObject());
        yield return ("an empty array", new JArray());
        if (current is JValue { Type: JTokenType.String } text && text.Value<string>() is { Length: > 0 } known)
        {
            // A string member may be an extensible enum: the same value in another case, and one never seen.
            yield return ("the same string upper case", known.ToUpperInvariant());
            yield return ("a value the API added later", "value-the-api-added-later");
            yield return ("an empty string", string.Empty);
        }
    }

    private static string Mutate(JToken root, string path, Action<JObject> change)
    {
        var copy = root.DeepClone();
        var target = path.Length == 0 ? (JObject)copy : (JObject)copy.SelectToken(path)!;
        change(target);
        return copy.ToString(Formatting.None);
    }

    private static void Rename(JObject target, string name, string renamed)
    {
        if (name == renamed || target[renamed] is not null)
        {
            return;
        }

        var value = target[name]!;
        target.Remove(name);
        target.Add(renamed, value);
    }

    private static (bool Read, object? Model, List<string> Drift) ReadWithJsonNet(Type type, JsonSerializer serializer, string json)
    {
        var (response, drift) = Observed(json);
        using (response)
        using (var body = ResponseBody.ReadAsync(response.Content, CancellationToken.None).GetAwaiter().GetResult())
        {
            try
            {
                object? model;
                using (WireDrift.Observe(response))
                {
                    model = typeof(ResponseBody).GetMethod(nameof(ResponseBody.Deserialize))!.MakeGenericMethod(type).Invoke(body, [serializer]);
                }

                return (true, model, drift.Sorted());
            }
            catch (TargetInvocationException exception) when (exception.InnerException is JsonException)
            {
                return (false, null, drift.Sorted());
            }
        }
    }

    private static (bool Read, object? Model, List<string> Drift) ReadWithMirror(Type type, MirroredSystemTextJsonReader reader, string json)
    {
        var (response, drift) = Observed(json);
        using (response)
        {
            var arguments = new object?[] { Encoding.UTF8.GetBytes(json), null };
            bool read;
            using (WireDrift.Observe(response))
            {
                read = (bool)typeof(MirroredReadingTests).GetMethod(nameof(TryMirror), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(type).Invoke(null, [reader, arguments])!;
            }

            return (read, arguments[1], drift.Sorted());
        }
    }

    /// <summary>A response whose request carries a drift log, as the runtime attaches one, and what that log reports.</summary>
    private static (HttpResponseMessage Response, DriftReports Drift) Observed(string json)
    {
        var reports = new DriftReports();
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.example.test/");
        request.Options.Set(DriftLog.RequestOption, new DriftLog(reports));
        request.Options.Set(OperationDescriptor.RequestOption, Operation);
        return (new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(json, Encoding.UTF8, "application/json") }, reports);
    }

    /// <summary>The drift log's records, as text.</summary>
    private sealed class DriftReports : Microsoft.Extensions.Logging.ILogger
    {
        private readonly List<string> _records = [];

        public List<string> Sorted() => [.. _records.Order(StringComparer.Ordinal)];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _records.Add(formatter(state, exception));
    }

    private static bool TryMirror<T>(MirroredSystemTextJsonReader reader, object?[] arguments)
    {
        var read = reader.TryDeserialize<T>((byte[])arguments[0]!, out var value);
        arguments[1] = value;
        return read;
    }
}
