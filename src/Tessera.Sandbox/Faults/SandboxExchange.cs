namespace Tessera.Sandbox.Faults;

/// <summary>
/// One request and response as the sandbox saw them, recorded when <see cref="SandboxFaults.RecordTraffic"/> is on
/// (tests use it to learn the secrets that crossed the wire, e.g. issued tokens and signatures, and then look for
/// them in logs).
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path and query.</param>
/// <param name="RequestHeaders">The request headers (unredacted).</param>
/// <param name="RequestBody">The request body as text.</param>
/// <param name="Status">The response status.</param>
/// <param name="ResponseBody">The response body as text.</param>
public sealed record SandboxExchange(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string RequestBody,
    int Status,
    string ResponseBody);
