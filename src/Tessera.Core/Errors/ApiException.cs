using System.Globalization;
using Tessera.Core.Diagnostics;

namespace Tessera.Core.Errors;

/// <summary>
/// The base of every exception a client call can end with: an unsuccessful HTTP response (the generated
/// <c>…ApiException</c> types and the vendors' error envelopes), and the failures where no usable response came back
/// (<see cref="ApiTimeoutException"/>, <see cref="ApiConnectionException"/>, <see cref="ApiCircuitOpenException"/>,
/// <see cref="RateLimitExceededException"/>, <see cref="ResendRefusedException"/>), or one came back that could not
/// be read (<see cref="ResponseReadException"/>). See docs/errors.md.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> contains a short, redacted excerpt of the response body so that logs are useful
/// without leaking secrets; <see cref="Response"/> keeps the full body for programmatic use. Failures without a
/// response have <see cref="StatusCode"/> 0. The caller's own cancellation is never wrapped: it stays an
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public class ApiException : Exception
{
    /// <summary>The longest body excerpt included in <see cref="Exception.Message"/>, in characters.</summary>
    public const int MaxBodyExcerptLength = 512;

    /// <summary>The longest body that is redacted for an excerpt in <see cref="Exception.Message"/>, in characters; a longer one is not quoted.</summary>
    public const int MaxRedactedBodyLength = 256 * 1024;

    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-correlation-id"];

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if any.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        Exception? innerException)
        : base(BuildMessage(message, statusCode, response, headers), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        // Header names are case-insensitive on the wire; generated code hands over a case-sensitive copy.
        var caseInsensitive = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers ?? new Dictionary<string, IEnumerable<string>>())
        {
            caseInsensitive[header.Key] = header.Value;
        }

        Headers = caseInsensitive;
        RequestId = FindHeader(Headers, RequestIdHeaders);
    }

    /// <summary>Creates an exception for a failure without an HTTP response (<see cref="StatusCode"/> 0).</summary>
    /// <param name="message">What went wrong; redacted.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ApiException(string message, Exception? innerException)
        : base(SecretRedactor.Shared.Redact(message ?? string.Empty), innerException)
    {
        Headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The request that ended with this exception, redacted: for example
    /// <c>Pax8 findCompanyById (GET https://api.pax8.com/v1/companies/…)</c>; <see langword="null"/> when not known.
    /// It prefixes <see cref="Message"/>.
    /// </summary>
    public string? Request { get; private set; }

    /// <inheritdoc />
    public override string Message => Request is null ? base.Message : $"{Request}: {base.Message}";

    /// <summary>
    /// Records on <paramref name="exception"/> which request it ended (once; the first request wins). Returns
    /// <see langword="false"/>, so that generated code can call it in an exception filter and let the exception pass
    /// unchanged.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <param name="request">The request.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool AttachRequest(ApiException exception, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(request);
        if (exception.Request is null && exception is not ResponseReadException { Operation: not null })
        {
            var operation = Operations.OperationDescriptor.Of(request);
            var url = request.RequestUri is null ? string.Empty : " " + SecretRedactor.Shared.RedactUrl(request.RequestUri);
            exception.Request = operation is null
                ? $"{request.Method.Method}{url}"
                : $"{operation.Api} {operation.OperationId} ({request.Method.Method}{url})";
        }

        return false;
    }

    /// <summary>The HTTP status code; 0 when no response was received.</summary>
    public int StatusCode { get; }

    /// <summary>The raw response body. Unredacted: do not log it.</summary>
    public string? Response { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The parsed vendor error object, when the generated subclass knows its type.</summary>
    public virtual object? Error => null;

    /// <summary>The request id the server assigned (x-request-id, request-id or x-correlation-id), for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>Whether retrying later may succeed: HTTP 408, 429 and 5xx, and the failures that say so.</summary>
    public virtual bool IsTransient => StatusCode is 408 or 429 or (>= 500 and <= 599);

    private static string BuildMessage(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        var redactor = SecretRedactor.Shared;
        var text = string.Create(CultureInfo.InvariantCulture, $"{redactor.Redact(message ?? string.Empty)} (HTTP {statusCode})");
        if (string.IsNullOrWhiteSpace(response))
        {
            return text;
        }

        if (response.Length > MaxRedactedBodyLength)
        {
            // Structural redaction parses the whole body: for a body this large that costs tens of times its size in
            // memory, and an excerpt of it cannot be redacted safely. The body stays available in Response.
            return string.Create(CultureInfo.InvariantCulture, $"{text}: [{response.Length:N0}-character body not shown; see Response]");
        }

        // Redact the whole body before truncating: truncated JSON no longer parses, and redaction is structural.
        var mediaType = headers is null ? null : FindHeader(headers, ["content-type"]);
        var semicolon = mediaType?.IndexOf(';', StringComparison.Ordinal) ?? -1;
        if (semicolon >= 0)
        {
            mediaType = mediaType![..semicolon];
        }

        var excerpt = redactor.RedactBody(response, mediaType?.Trim()).Trim();
        if (excerpt.Length > MaxBodyExcerptLength)
        {
            excerpt = string.Concat(excerpt.AsSpan(0, MaxBodyExcerptLength - 1), "…");
        }

        return text + ": " + excerpt;
    }

    private static string? FindHeader(IReadOnlyDictionary<string, IEnumerable<string>> headers, string[] names)
    {
        foreach (var (name, values) in headers)
        {
            if (values is not null && names.Any(candidate => string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)))
            {
                var value = values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
                if (value is not null)
                {
                    return value;
                }
            }
        }

        return null;
    }
}
