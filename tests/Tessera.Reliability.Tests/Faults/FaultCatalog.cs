using System.Globalization;
using Tessera.Reliability.Tests.Infrastructure;
using Tessera.Sandbox.Faults;

namespace Tessera.Reliability.Tests.Faults;

/// <summary>What a faulted call must end in.</summary>
public enum Expect
{
    /// <summary>The call succeeds (after retries).</summary>
    Success,

    /// <summary>An ApiException-family exception with this status and a body excerpt.</summary>
    ApiError,
}

/// <summary>One fault, expressed both as scripted transport steps and as sandbox fault-injection rules.</summary>
public sealed record FaultCase(
    string Name,
    Func<ScriptedFault[]> Scripted,
    Func<SandboxFault[]> Sandbox,
    Expect Expect,
    int Attempts,
    int? Status = null,
    string? Excerpt = null);

/// <summary>Every fault the suite injects into every client.</summary>
public static class FaultCatalog
{
    private const string Html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx: upstream maintenance-window</p></body></html>";
    private const string Json503 = """{"message":"Service Unavailable: upstream-overloaded"}""";

    public static readonly IReadOnlyList<FaultCase> All =
    [
        Burst(500, 2),
        Burst(502, 2),
        Burst(503, 3),
        new("503-persistent", () => Times(4, () => ScriptedFault.Status(503, Json503)), () => Times(4, () => SandboxFault.Respond(503, Json503)), Expect.ApiError, 4, 503, "upstream-overloaded"),
        new("429-retry-after-seconds", () => [ScriptedFault.Status(429, "{}", headers: ("Retry-After", "1"))], () => [SandboxFault.Respond(429, "{}", headers: ("Retry-After", "1"))], Expect.Success, 2),
        new("429-retry-after-date", () => [ScriptedFault.Status(429, "{}", headers: ("Retry-After", HttpDate(2)))], () => [SandboxFault.Respond(429, "{}", headers: ("Retry-After", HttpDate(2)))], Expect.Success, 2),
        new("429-retry-after-too-long", () => [ScriptedFault.Status(429, """{"message":"quota-exhausted"}""", headers: ("Retry-After", "3600"))], () => [SandboxFault.Respond(429, """{"message":"quota-exhausted"}""", headers: ("Retry-After", "3600"))], Expect.ApiError, 1, 429, "quota-exhausted"),
        new("connection-reset-mid-response", () => [ScriptedFault.ResetMidResponse()], () => [SandboxFault.ResetAfterProcessing()], Expect.Success, 2),
        new("connection-refused-or-reset-before", () => [ScriptedFault.RefuseConnection(), ScriptedFault.RefuseConnection()], () => [SandboxFault.ResetBeforeProcessing()], Expect.Success, 0),
        new("slower-than-attempt-timeout", () => [ScriptedFault.Slow(TimeSpan.FromSeconds(30))], () => [SandboxFault.Slow(TimeSpan.FromSeconds(30))], Expect.Success, 2),
        new("truncated-json-200", () => [ScriptedFault.Status(200, """{"content":[{"id":"5c1f8d1e","name":"truncated-marker""")], () => [SandboxFault.Respond(200, """{"content":[{"id":"5c1f8d1e","name":"truncated-marker""")], Expect.ApiError, 1, 200, "truncated-marker"),
        new("malformed-json-200", () => [ScriptedFault.Status(200, """{"content": [1, 2,, "malformed-marker" }""")], () => [SandboxFault.Respond(200, """{"content": [1, 2,, "malformed-marker" }""")], Expect.ApiError, 1, 200, "malformed-marker"),
        new("html-error-page-200", () => [ScriptedFault.Status(200, Html, "text/html")], () => [SandboxFault.Respond(200, Html, "text/html")], Expect.ApiError, 1, 200, "maintenance-window"),
        new("html-error-page-502", () => Times(4, () => ScriptedFault.Status(502, Html, "text/html")), () => Times(4, () => SandboxFault.Respond(502, Html, "text/html")), Expect.ApiError, 4, 502, "maintenance-window"),
        new("empty-body-200", () => [ScriptedFault.Status(200)], () => [SandboxFault.Respond(200)], Expect.ApiError, 1, 200),
    ];

    public static FaultCase Get(string name) => All.Single(f => f.Name == name);

    private static FaultCase Burst(int status, int count) =>
        new($"{status}-burst-x{count}", () => Times(count, () => ScriptedFault.Status(status, Json503)), () => Times(count, () => SandboxFault.Respond(status, Json503)), Expect.Success, count + 1);

    private static T[] Times<T>(int count, Func<T> create) => [.. Enumerable.Range(0, count).Select(_ => create())];

    private static string HttpDate(int secondsFromNow) =>
        DateTimeOffset.UtcNow.AddSeconds(secondsFromNow).ToString("r", CultureInfo.InvariantCulture);
}
