using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Tessera.Core.Diagnostics;

/// <summary>
/// Logs HTTP exchanges with every secret redacted: one line per request at Information, headers at Debug and bodies
/// (truncated to 4 KB) at Trace.
/// </summary>
/// <remarks>
/// Failures are logged at Warning with the exception type only, because exception messages can carry request data.
/// </remarks>
public sealed class HttpLoggingHandler : DelegatingHandler
{
    /// <summary>The longest body excerpt that is logged, in characters.</summary>
    public const int MaxLoggedBodyLength = 4096;

    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Where to log.</param>
    /// <param name="redactor">Removes secrets from everything logged.</param>
    /// <param name="timeProvider">Measures elapsed time; defaults to the system clock.</param>
    public HttpLoggingHandler(ILogger logger, SecretRedactor redactor, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(redactor);
        _logger = logger;
        _redactor = redactor;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_logger.IsEnabled(LogLevel.Warning))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var method = request.Method.Method;
        var url = request.RequestUri is null ? string.Empty : _redactor.RedactUrl(request.RequestUri);

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
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            HttpLog.RequestFailed(_logger, method, url, ElapsedMilliseconds(started), ex.GetType().FullName ?? ex.GetType().Name);
            throw;
        }

        HttpLog.RequestCompleted(_logger, method, url, (int)response.StatusCode, ElapsedMilliseconds(started));

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
        // Buffering lets the body be read here and still be sent or returned to the caller afterwards.
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        // Redact the whole body first: a truncated JSON document no longer parses, and redaction is structural.
        var redacted = _redactor.RedactBody(text, content.Headers.ContentType?.MediaType);
        return redacted.Length <= MaxLoggedBodyLength
            ? redacted
            : string.Concat(redacted.AsSpan(0, MaxLoggedBodyLength), "…(truncated)");
    }
}
