using Tessera.Core.Diagnostics;
using Tessera.Core.Http;
using Tessera.Core.Serialization;
using Microsoft.Extensions.Logging;

namespace Tessera.SmartPay;

/// <summary>
/// Turns SmartPay's envelope into .NET semantics for every response, whatever the operation and status: a body with
/// a non-empty <c>errors</c> member (or any <c>errors</c> member and no <c>result</c>) is a failure even with HTTP 200 (thrown as <see cref="SmartPayErrorResponseException"/>
/// before the generated code reads it as a success), and <c>warnings</c> are logged at Warning (redacted) and handed
/// to <see cref="SmartPayClientOptions.OnWarnings"/> without failing the call.
/// </summary>
/// <remarks>
/// The body was read from the network once, by the runtime's wire handler; this looks at the buffered bytes. A body that does not
/// even contain the member names (nearly every success) costs one vectorized search and no parsing; only a body that
/// does is parsed, and then the generated code does not read it at all (it throws here).
/// </remarks>
internal sealed partial class SmartPayEnvelopeHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;
    private readonly Action<SmartPayWarnings>? _onWarnings;

    public SmartPayEnvelopeHandler(ILogger logger, SecretRedactor redactor, Action<SmartPayWarnings>? onWarnings)
    {
        _logger = logger;
        _redactor = redactor;
        _onWarnings = onWarnings;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is null)
        {
            return response;
        }

        string body;
        using (var buffered = await ResponseBody.PeekAsync(response.Content, cancellationToken).ConfigureAwait(false))
        {
            var bytes = buffered.Memory.Span;
            if ((bytes.IndexOf("\"errors\""u8) < 0 && bytes.IndexOf("\"warnings\""u8) < 0) || !NeedsEnvelopeRead(bytes))
            {
                return response;
            }

            body = buffered.GetString();
        }

        if (SmartPayErrorMaps.TryParseObject(body) is not { } root)
        {
            return response;
        }

        var operationId = ClientRequestOptions.GetOperationId(request) ?? request.RequestUri?.AbsolutePath ?? "request";
        var warnings = root.TryGetValue("warnings", StringComparison.Ordinal, out var warningsToken)
            ? SmartPayErrorMaps.Read(warningsToken)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        var errors = root.TryGetValue("errors", StringComparison.Ordinal, out var errorsToken)
            && errorsToken.Type is not (Newtonsoft.Json.Linq.JTokenType.Null or Newtonsoft.Json.Linq.JTokenType.Undefined)
                ? SmartPayErrorMaps.Read(errorsToken)
                : null;

        // An empty map ([] from PHP, or {}) beside a result names no error: the server filled in the member it always
        // writes, and the result is real. Without a result, an errors member - even an empty one - is all the body
        // says, so it stays a failure rather than a success with nothing in it.
        if (errors is not null && (errors.Count > 0 || !HasResult(root)))
        {
            var status = (int)response.StatusCode;
            var headers = Tessera.Core.Http.ResponseHeaderMap.From(response);

            response.Dispose();
            LogErrors(_logger, operationId, status, _redactor.Redact(SmartPayErrorMaps.Describe(errors)));
            throw new SmartPayErrorResponseException(operationId, status, body, headers, errors, warnings);
        }

        if (warnings.Count > 0)
        {
            var redacted = warnings.ToDictionary(w => w.Key, w => _redactor.Redact(w.Value), StringComparer.Ordinal);
            LogWarnings(_logger, operationId, SmartPayErrorMaps.Describe(redacted));
            _onWarnings?.Invoke(new SmartPayWarnings(operationId, redacted));
        }

        return response;
    }

    /// <summary>
    /// Whether the body has something the envelope read must see: a non-empty <c>errors</c> or <c>warnings</c>, or an
    /// <c>errors</c> member without a <c>result</c>. SmartPay writes <c>"errors":[]</c> and <c>"warnings":[]</c> into
    /// nearly every success, so this scan (no allocation) keeps the common case from building a second object tree.
    /// Anything it cannot read goes to the full read, which decides.
    /// </summary>
    internal static bool NeedsEnvelopeRead(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body, new System.Text.Json.JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return true;
            }

            bool errors = false, result = false;
            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var isErrors = reader.ValueTextEquals("errors"u8);
                var isWarnings = !isErrors && reader.ValueTextEquals("warnings"u8);
                var isResult = !isErrors && !isWarnings && reader.ValueTextEquals("result"u8);
                if (!reader.Read())
                {
                    return true;
                }

                var present = reader.TokenType != System.Text.Json.JsonTokenType.Null;
                if ((isErrors || isWarnings) && present)
                {
                    if (reader.TokenType is not (System.Text.Json.JsonTokenType.StartArray or System.Text.Json.JsonTokenType.StartObject)
                        || !reader.Read() || reader.TokenType is not (System.Text.Json.JsonTokenType.EndArray or System.Text.Json.JsonTokenType.EndObject))
                    {
                        return true; // something in it, or a shape only the full read understands
                    }

                    errors |= isErrors;
                    continue;
                }

                result |= isResult && present;
                reader.Skip();
            }

            return errors && !result;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    private static bool HasResult(Newtonsoft.Json.Linq.JObject root) =>
        root.TryGetValue("result", StringComparison.Ordinal, out var result)
        && result.Type is not (Newtonsoft.Json.Linq.JTokenType.Null or Newtonsoft.Json.Linq.JTokenType.Undefined);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "SmartPay {OperationId} answered with warnings: {Warnings}")]
    private static partial void LogWarnings(ILogger logger, string operationId, string warnings);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "SmartPay {OperationId} answered HTTP {StatusCode} with errors: {Errors}")]
    private static partial void LogErrors(ILogger logger, string operationId, int statusCode, string errors);
}
