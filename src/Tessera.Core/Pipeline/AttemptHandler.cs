using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Core.Diagnostics;
using Tessera.Core.Http;
using Tessera.Core.Operations;

namespace Tessera.Core.Pipeline;

/// <summary>
/// Once per attempt, inside the retry strategy: the attempt's Client span, following OpenTelemetry's HTTP client
/// conventions (<c>{method} {url.template}</c>; <c>http.request.resend_count</c> from the second attempt), and exactly
/// one log record, redacted: Information for a response, Warning for a failure (its exception type only). Headers go
/// to Debug and bodies (4 KB at most) to Trace, each as its own record.
/// </summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    /// <summary>The longest body excerpt that is logged, in characters.</summary>
    public const int MaxLoggedBodyLength = 4096;

    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _timeProvider;

    public AttemptHandler(ClientRuntime runtime)
    {
        _logger = runtime.HttpLogger;
        _redactor = runtime.Redactor;
        _timeProvider = runtime.Options.TimeProvider;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = ++RequestState.Of(request).Attempts;

        // Nobody listening and nothing to log: no extra frame, no span name, no redacted URL.
        return _logger.IsEnabled(LogLevel.Warning) || ClientDiagnostics.ActivitySource.HasListeners()
            ? SendObservedAsync(request, attempt, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, int attempt, CancellationToken cancellationToken)
    {
        var operation = OperationDescriptor.Of(request);
        using var activity = ClientDiagnostics.ActivitySource.HasListeners()
            ? ClientDiagnostics.ActivitySource.StartActivity(operation?.AttemptSpanName ?? request.Method.Method, ActivityKind.Client)
            : null;
        string? url = null;
        if (activity is not null)
        {
            url = RedactedUrl(request);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.full", url);
            if (operation is not null)
            {
                activity.SetTag("url.template", operation.PathTemplate);
            }

            if (request.RequestUri is { IsAbsoluteUri: true } uri)
            {
                activity.SetTag("server.address", uri.Host);
                activity.SetTag("server.port", uri.Port);
            }

            if (attempt > 1)
            {
                activity.SetTag("http.request.resend_count", attempt - 1);
            }
        }

        if (!_logger.IsEnabled(LogLevel.Warning))
        {
            return await SendTracedAsync(request, activity, cancellationToken).ConfigureAwait(false);
        }

        url ??= RedactedUrl(request);
        var method = request.Method.Method;
        var name = operation?.OperationId ?? method;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            HttpLog.RequestHeaders(_logger, method, url, FormatHeaders(request.Headers, request.Content?.Headers));
        }

        if (_logger.IsEnabled(LogLevel.Trace) && request.Content is not null)
        {
            HttpLog.RequestBody(_logger, method, url, await ReadBodyAsync(request.Content, cancellationToken).ConfigureAwait(false));
        }

        var started = _timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await SendTracedAsync(request, activity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            HttpLog.RequestFailed(_logger, name, method, url, attempt, ElapsedMilliseconds(started), ex.GetType().FullName ?? ex.GetType().Name);
            throw;
        }

        HttpLog.RequestCompleted(_logger, name, method, url, (int)response.StatusCode, attempt, ElapsedMilliseconds(started));
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            HttpLog.ResponseHeaders(_logger, method, url, FormatHeaders(response.Headers, response.Content?.Headers));
        }

        if (_logger.IsEnabled(LogLevel.Trace) && response.Content is not null)
        {
            HttpLog.ResponseBody(_logger, method, url, await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false));
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendTracedAsync(HttpRequestMessage request, Activity? activity, CancellationToken cancellationToken)
    {
        if (activity is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var statusCode = (int)response.StatusCode;
            activity.SetTag("http.response.status_code", statusCode);
            if (statusCode >= 400)
            {
                var errorType = statusCode.ToString(CultureInfo.InvariantCulture);
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            return response;
        }
        catch (Exception ex)
        {
            // The type only: exception messages can carry request data.
            var errorType = ex.GetType().FullName ?? ex.GetType().Name;
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            throw;
        }
    }

    private string RedactedUrl(HttpRequestMessage request) => request.RequestUri is null ? string.Empty : _redactor.RedactUrl(request.RequestUri);

    private long ElapsedMilliseconds(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private string FormatHeaders(HttpHeaders headers, HttpContentHeaders? contentHeaders)
    {
        var builder = new StringBuilder();
        foreach (var header in contentHeaders is null ? headers : headers.Concat(contentHeaders))
        {
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }

            builder.Append(header.Key).Append(": ").Append(_redactor.RedactHeader(header.Key, string.Join(", ", header.Value)));
        }

        return builder.ToString();
    }

    private async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Request bodies are re-sendable (generated bodies keep their bytes) and responses are buffered by the wire
        // handler, so reading here does not consume what is sent or returned.
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        // Redact the whole body first: a truncated JSON document no longer parses, and redaction is structural.
        var redacted = _redactor.RedactBody(text, content.Headers.ContentType?.MediaType);
        return redacted.Length <= MaxLoggedBodyLength
            ? redacted
            : string.Concat(redacted.AsSpan(0, MaxLoggedBodyLength), "…(truncated)");
    }
}
