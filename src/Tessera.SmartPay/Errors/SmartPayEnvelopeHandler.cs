using Tessera.Core.Diagnostics;
using Tessera.Core.Http;
using Microsoft.Extensions.Logging;

namespace Tessera.SmartPay;

/// <summary>
/// Turns SmartPay's envelope into .NET semantics for every response, whatever the operation and status: a body with
/// an <c>errors</c> member is a failure even with HTTP 200 (thrown as <see cref="SmartPayErrorResponseException"/>
/// before the generated code reads it as a success), and <c>warnings</c> are logged at Warning (redacted) and handed
/// to <see cref="SmartPayClientOptions.OnWarnings"/> without failing the call.
/// </summary>
/// <remarks>
/// A handler rather than the generated <c>ProcessResponse</c> hook: the hook is synchronous and runs before the body
/// is read, while a handler can buffer the body asynchronously once, sees the <c>authenticate</c> response too, and
/// lets <see cref="SessionTokenHandler"/> (outside it) catch token errors and replay the request.
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

        // Buffered, so the generated code can still read the body afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!body.Contains("\"errors\"", StringComparison.Ordinal) && !body.Contains("\"warnings\"", StringComparison.Ordinal))
        {
            return response;
        }

        if (SmartPayErrorMaps.TryParseObject(body) is not { } root)
        {
            return response;
        }

        var operationId = ClientRequestOptions.GetOperationId(request) ?? request.RequestUri?.AbsolutePath ?? "request";
        var warnings = root.TryGetValue("warnings", StringComparison.Ordinal, out var warningsToken)
            ? SmartPayErrorMaps.Read(warningsToken)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        if (root.TryGetValue("errors", StringComparison.Ordinal, out var errorsToken)
            && errorsToken.Type is not (Newtonsoft.Json.Linq.JTokenType.Null or Newtonsoft.Json.Linq.JTokenType.Undefined))
        {
            var errors = SmartPayErrorMaps.Read(errorsToken);
            var status = (int)response.StatusCode;
            var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                headers[header.Key] = header.Value;
            }

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

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "SmartPay {OperationId} answered with warnings: {Warnings}")]
    private static partial void LogWarnings(ILogger logger, string operationId, string warnings);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "SmartPay {OperationId} answered HTTP {StatusCode} with errors: {Errors}")]
    private static partial void LogErrors(ILogger logger, string operationId, int statusCode, string errors);
}
