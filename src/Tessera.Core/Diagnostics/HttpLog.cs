using Microsoft.Extensions.Logging;

namespace Tessera.Core.Diagnostics;

/// <summary>
/// The log messages of each HTTP attempt (category <c>Tessera.{Api}.Http</c>). Every argument has already been
/// redacted. Retry decisions are events 7 and 8 (see <c>ClientResilience</c>).
/// </summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Operation}: HTTP {Method} {Url} -> {StatusCode}, attempt {Attempt}, in {ElapsedMs} ms")]
    public static partial void RequestCompleted(ILogger logger, string operation, string method, string url, int statusCode, int attempt, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Operation}: HTTP {Method} {Url} failed, attempt {Attempt}, after {ElapsedMs} ms with {ExceptionType}")]
    public static partial void RequestFailed(ILogger logger, string operation, string method, string url, int attempt, long elapsedMs, string exceptionType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "HTTP {Method} {Url} request headers: {Headers}")]
    public static partial void RequestHeaders(ILogger logger, string method, string url, string headers);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "HTTP {Method} {Url} response headers: {Headers}")]
    public static partial void ResponseHeaders(ILogger logger, string method, string url, string headers);

    [LoggerMessage(EventId = 5, Level = LogLevel.Trace, Message = "HTTP {Method} {Url} request body: {Body}")]
    public static partial void RequestBody(ILogger logger, string method, string url, string body);

    [LoggerMessage(EventId = 6, Level = LogLevel.Trace, Message = "HTTP {Method} {Url} response body: {Body}")]
    public static partial void ResponseBody(ILogger logger, string method, string url, string body);
}
