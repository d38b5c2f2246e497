using System.Globalization;
using System.Text.RegularExpressions;
using Tessera.Core.Diagnostics;
using Newtonsoft.Json;

namespace Tessera.Core.Errors;

/// <summary>
/// A response arrived but its body could not be read into its model: where (JSON path, line, position), into what
/// type, and the parser's reason with every quoted value removed, plus the status, headers and raw body like any
/// <see cref="ApiException"/>. It replaces the parser's own exception, whose message quotes the offending value (which
/// may be a token, an email address or any other body content).
/// </summary>
public sealed partial class ResponseReadException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ResponseReadException()
        : base("The response body could not be read.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public ResponseReadException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">Not kept by the <c>From</c> methods; available for callers that know it is safe.</param>
    public ResponseReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private ResponseReadException(string message, int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? path, int? line, int? position, string targetType, string reason, string? operation, string? expected, string? actual)
        : base(message, statusCode, body, headers, null)
    {
        JsonPath = path;
        LineNumber = line;
        LinePosition = position;
        TargetType = targetType;
        Reason = reason;
        Operation = operation;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The operation whose response this was, for example <c>Pax8 findUsageLines</c>, when known.</summary>
    public string? Operation { get; }

    /// <summary>What the model expects at <see cref="JsonPath"/>, for example <c>UsageLine.productId (Guid)</c>, when known.</summary>
    public string? Expected { get; }

    /// <summary>
    /// What came at <see cref="JsonPath"/>: its JSON kind and, for a scalar, its value (redacted, at most
    /// <see cref="MaxQuotedValueLength"/> characters; a field whose name is sensitive shows <c>***</c>), when known.
    /// </summary>
    public string? Actual { get; }

    /// <summary>The longest value quoted in <see cref="Actual"/>, in characters.</summary>
    public const int MaxQuotedValueLength = 64;

    /// <summary>The JSON path of the value that failed, for example <c>content[3].productId</c>; <see langword="null"/> when unknown.</summary>
    public string? JsonPath { get; }

    /// <summary>The line of the failing value, when the parser knew it.</summary>
    public int? LineNumber { get; }

    /// <summary>The position on that line, when the parser knew it.</summary>
    public int? LinePosition { get; }

    /// <summary>The model the body was read into.</summary>
    public string TargetType { get; } = string.Empty;

    /// <summary>The parser's reason, with quoted values replaced by <c>…</c>.</summary>
    public string Reason { get; } = string.Empty;

    /// <summary>Describes a Json.NET failure without the values it quotes.</summary>
    /// <param name="exception">The parser's exception (not kept: its message quotes body values).</param>
    /// <param name="targetType">The model being read.</param>
    /// <param name="statusCode">The response's HTTP status.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="headers">The response headers.</param>
    /// <returns>The safe description.</returns>
    public static ResponseReadException From(JsonException exception, Type targetType, int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
        Create(exception, targetType, statusCode, body, headers, operation: null);

    /// <summary>
    /// Describes a Json.NET failure of <paramref name="response"/>'s body: the operation (from the request's
    /// descriptor), the JSON path, what the model expects there and what came (redacted), without the values the
    /// parser's message quotes.
    /// </summary>
    /// <param name="exception">The parser's exception (not kept: its message quotes body values).</param>
    /// <param name="targetType">The model being read.</param>
    /// <param name="response">The response.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="headers">The response headers.</param>
    /// <returns>The safe description.</returns>
    public static ResponseReadException From(JsonException exception, Type targetType, HttpResponseMessage response, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        ArgumentNullException.ThrowIfNull(response);
        var operation = response.RequestMessage is { } request && Operations.OperationDescriptor.Of(request) is { } descriptor
            ? $"{descriptor.Api} {descriptor.OperationId}"
            : null;
        return Create(exception, targetType, (int)response.StatusCode, body, headers, operation);
    }

    private static ResponseReadException Create(JsonException exception, Type targetType, int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? operation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(targetType);
        var (path, line, position) = exception switch
        {
            JsonSerializationException s => (s.Path, (int?)s.LineNumber, (int?)s.LinePosition),
            JsonReaderException r => (r.Path, (int?)r.LineNumber, (int?)r.LinePosition),
            _ => ((string?)null, (int?)null, (int?)null),
        };
        var reason = Sanitize(exception.Message);
        var expected = string.IsNullOrEmpty(path) ? null : JsonPathMember.Describe(targetType, path);
        var actual = string.IsNullOrEmpty(path) ? null : JsonPathMember.DescribeValue(body, path, MaxRedactedBodyLength, MaxQuotedValueLength);
        var where = string.IsNullOrEmpty(path) ? "the body" : $"'{path}'";
        var at = line is > 0 ? string.Create(CultureInfo.InvariantCulture, $" (line {line}, position {position})") : string.Empty;
        var what = expected is null ? $"as part of {targetType.Name}" : $"as {expected}";
        var came = actual is null ? string.Empty : $"; got {actual}";
        var prefix = operation is null ? string.Empty : operation + ": ";
        var message = $"{prefix}Could not read {where}{at} {what}{came}: {reason}";
        return new ResponseReadException(message, statusCode, body, headers ?? new Dictionary<string, IEnumerable<string>>(), path, line, position, targetType.FullName ?? targetType.Name, reason, operation, expected, actual);
    }

    private static string Sanitize(string message)
    {
        // Json.NET appends "Path '…', line n, position m."; that is reported separately.
        var pathAt = message.IndexOf(" Path '", StringComparison.Ordinal);
        var text = pathAt >= 0 ? message[..pathAt] : message;
        text = QuotedValue().Replace(text, "\"…\"");
        text = TrailingValue().Replace(text, "$1…");
        return SecretRedactor.Shared.Redact(text.Trim());
    }

    [GeneratedRegex("\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedValue();

    // "Could not convert string to integer: 12.0." / "Unexpected character encountered while parsing value: x."
    [GeneratedRegex(@"(: )(?!\.\.\.)[^'""]+?(?=\.?$)", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingValue();
}
