namespace Tessera.Sandbox.Faults;

/// <summary>
/// One injected fault: a canned response, a connection reset, a delay or a truncated body, before or after the API
/// processed the request. Build one with the static factories.
/// </summary>
public sealed record SandboxFault
{
    /// <summary>What happens.</summary>
    public required SandboxFaultKind Kind { get; init; }

    /// <summary>The status code of <see cref="SandboxFaultKind.Respond"/> and <see cref="SandboxFaultKind.RespondAfterProcessing"/>.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>The body of a canned response (none when null or empty).</summary>
    public string? Body { get; init; }

    /// <summary>The content type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra response headers, e.g. <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long <see cref="SandboxFaultKind.Delay"/> waits.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A canned response; the request never reaches the API.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="body">The body, if any.</param>
    /// <param name="contentType">Its content type.</param>
    /// <param name="headers">Extra headers as name/value pairs.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Respond(int statusCode, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        new() { Kind = SandboxFaultKind.Respond, StatusCode = statusCode, Body = body, ContentType = contentType, Headers = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase) };

    /// <summary>The API processes the request, but the client receives this status instead of the API's answer.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="body">The body, if any.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault RespondAfterProcessing(int statusCode, string? body = null) =>
        new() { Kind = SandboxFaultKind.RespondAfterProcessing, StatusCode = statusCode, Body = body };

    /// <summary>The connection is reset before the API sees the request.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault ResetBeforeProcessing() => new() { Kind = SandboxFaultKind.ResetBeforeProcessing };

    /// <summary>The API processes the request; the connection is reset after the headers and half of the body.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault ResetAfterProcessing() => new() { Kind = SandboxFaultKind.ResetAfterProcessing };

    /// <summary>The request waits this long before the API sees it.</summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Slow(TimeSpan delay) => new() { Kind = SandboxFaultKind.Delay, Delay = delay };

    /// <summary>The API processes the request; the client receives only the first half of the body.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault TruncateAfterProcessing() => new() { Kind = SandboxFaultKind.TruncateAfterProcessing };
}
