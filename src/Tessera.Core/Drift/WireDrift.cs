using System.Diagnostics.Metrics;
using Newtonsoft.Json;
using Tessera.Core.Operations;

namespace Tessera.Core.Drift;

/// <summary>
/// Notices where a vendor's responses drift from the spec while the client still reads them: an unknown member, an
/// unknown enum value, a tolerated type mismatch. Each is reported once per (operation, JSON path, kind) as a log
/// event of the client that read it (<see cref="DriftLog"/>), and counted per response in the
/// <c>tessera.client.response.drift</c> counter of the <c>Tessera.Clients</c> meter (tags <c>tessera.api</c>,
/// <c>tessera.operation_id</c>, <c>json.path</c>, <c>tessera.drift.kind</c>, <c>tessera.drift.detail</c>). Paths are
/// patterns (<c>content[].newField</c>), so a page of a thousand items counts once. See docs/drift.md.
/// </summary>
/// <remarks>
/// The generated clients open a scope around each deserialization (<see cref="Observe"/>); the converters and the
/// contract resolver record into it through a thread-static, because Json.NET deserializes synchronously on one thread.
/// Outside a scope recording costs one thread-static read.
/// </remarks>
public static class WireDrift
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Tessera.Clients";

    /// <summary>The counter's name.</summary>
    public const string CounterName = "tessera.client.response.drift";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Counter = Meter.CreateCounter<long>(CounterName, unit: "{response}", description: "Responses that carried a member, enum value or type the spec does not describe, per operation and JSON path.");

    [ThreadStatic]
    private static Scope? _current;

    /// <summary>
    /// Starts observing the deserialization of <paramref name="response"/>'s body on this thread; dispose to report.
    /// Does nothing when the request carries no <see cref="DriftLog"/> (a client built outside the runtime).
    /// </summary>
    /// <param name="response">The response being read.</param>
    /// <returns>The scope.</returns>
    public static Scope? Observe(HttpResponseMessage? response)
    {
        if (response?.RequestMessage is not { } request
            || !request.Options.TryGetValue(DriftLog.RequestOption, out var log)
            || OperationDescriptor.Of(request) is not { } operation)
        {
            return null;
        }

        var scope = new Scope(log, operation, _current);
        _current = scope;
        return scope;
    }

    /// <summary>Records drift at the reader's current path, if a scope is observing this thread.</summary>
    /// <param name="kind">What drifted.</param>
    /// <param name="reader">The reader positioned at the value.</param>
    /// <param name="detail">A short, non-secret description, for example the unknown enum value's type or <c>string for boolean</c>.</param>
    public static void Record(DriftKind kind, JsonReader reader, string detail)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _current?.Add(kind, reader.Path, detail);
    }

    /// <summary>Records drift at <paramref name="path"/>, if a scope is observing this thread.</summary>
    /// <param name="kind">What drifted.</param>
    /// <param name="path">The JSON path.</param>
    /// <param name="detail">A short, non-secret description.</param>
    public static void Record(DriftKind kind, string path, string detail) => _current?.Add(kind, path, detail);

    /// <summary>Whether a scope is observing this thread (drift recorded now would be reported).</summary>
    internal static bool IsObserving => _current is not null;

    /// <summary>Records an unknown member at <paramref name="path"/> (a pattern or a Json.NET path), with its value's JSON kind.</summary>
    /// <param name="path">The member's path.</param>
    /// <param name="value">Its value.</param>
    internal static void RecordMemberAt(string path, object? value) => _current?.Add(DriftKind.UnknownMember, path, JsonKind(value));

    /// <summary>Tells the observing scope, if any, which reader is reading (for the paths of unknown members).</summary>
    /// <param name="reader">The reader.</param>
    internal static void Attach(JsonReader reader)
    {
        if (_current is { } scope)
        {
            scope.Reader = reader;
        }
    }

    /// <summary>Records an unknown member (called by the contract resolver's extension-data setter).</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="value">Its value, for its JSON kind only.</param>
    internal static void RecordMember(string name, object? value)
    {
        if (_current is not { } scope)
        {
            return;
        }

        // The reader has read the member's value; its path names the member (or, after a nested value, its parent).
        scope.Add(DriftKind.UnknownMember, MemberPath(scope.Reader?.Path ?? name, name), JsonKind(value));
    }

    /// <summary>
    /// The path an unknown member is reported at, from the Json.NET path where its value was read: that path when it
    /// ends with the member, else the member under it. Shared by Json.NET's reading and the System.Text.Json route
    /// (which builds the same Json.NET path), so both report the same pattern.
    /// </summary>
    /// <param name="readPath">The Json.NET path after the member's value.</param>
    /// <param name="name">The member's name.</param>
    /// <returns>The path to report.</returns>
    internal static string MemberPath(string readPath, string name) =>
        readPath.EndsWith(name, StringComparison.Ordinal) || readPath.EndsWith(name + "']", StringComparison.Ordinal)
            ? readPath
            : readPath.Length == 0 ? name : readPath + "." + name;

    private static string JsonKind(object? value) =>
        value switch
        {
            null => "null",
            string => "string",
            bool => "boolean",
            long or int or decimal or double or System.Numerics.BigInteger => "number",
            Newtonsoft.Json.Linq.JObject => "object",
            Newtonsoft.Json.Linq.JArray => "array",
            Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.String } => "string",
            Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.Integer or Newtonsoft.Json.Linq.JTokenType.Float } => "number",
            Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.Boolean } => "boolean",
            Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.Null } => "null",
            _ => "value",
        };

    /// <summary>A JSON path as a pattern: array indexes removed (<c>content[3].x</c> → <c>content[].x</c>).</summary>
    /// <param name="path">A Json.NET path.</param>
    /// <returns>The pattern.</returns>
    public static string Pattern(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.IndexOf('[', StringComparison.Ordinal) < 0)
        {
            return path;
        }

        var builder = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            builder.Append(path[i]);
            if (path[i] == '[' && i + 1 < path.Length && char.IsAsciiDigit(path[i + 1]))
            {
                while (i + 1 < path.Length && char.IsAsciiDigit(path[i + 1]))
                {
                    i++;
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>One observed deserialization; reports its drift once when disposed.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly DriftLog _log;
        private readonly OperationDescriptor _operation;
        private readonly Scope? _outer;
        private HashSet<(DriftKind Kind, string Path, string Detail)>? _seen;

        internal JsonReader? Reader { get; set; }

        internal Scope(DriftLog log, OperationDescriptor operation, Scope? outer)
        {
            _log = log;
            _operation = operation;
            _outer = outer;
        }

        /// <summary>Reports what was seen and stops observing.</summary>
        public void Dispose()
        {
            _current = _outer;
            if (_seen is null)
            {
                return;
            }

            foreach (var (kind, path, detail) in _seen)
            {
                // The tags (an array and the kind's name) are built only when a listener collects the counter: a vendor
                // that drifts on every response (SmartPay echoes its request parameters) pays nothing for it otherwise.
                if (Counter.Enabled)
                {
                    Counter.Add(
                        1,
                        new KeyValuePair<string, object?>("tessera.api", _operation.Api),
                        new KeyValuePair<string, object?>("tessera.operation_id", _operation.OperationId),
                        new KeyValuePair<string, object?>("json.path", path),
                        new KeyValuePair<string, object?>("tessera.drift.kind", kind.ToString()),
                        new KeyValuePair<string, object?>("tessera.drift.detail", detail));
                }

                _log.Report(_operation, kind, path, detail);
            }

            _seen = null;
        }

        internal void Add(DriftKind kind, string path, string detail)
        {
            // Bounded: a hostile body with a million distinct member names reports the first 256.
            _seen ??= [];
            if (_seen.Count < 256)
            {
                _seen.Add((kind, Pattern(path), detail));
            }
        }
    }
}
