using System.Net;
using Polly.Timeout;

namespace Tessera.Core.Resilience;

/// <summary>
/// Decides which failures are transient and which requests may be resent. Payment APIs make the second question
/// critical: a POST that may have reached the server is never resent unless the caller says it is safe.
/// </summary>
internal static class RetryClassifier
{
    public static bool IsTransientStatus(HttpStatusCode statusCode) => statusCode is
        HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    public static bool IsTransientFailure(HttpResponseMessage? response, Exception? exception) =>
        exception is HttpRequestException or TimeoutRejectedException
        || (exception is null && response is not null && IsTransientStatus(response.StatusCode));

    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get
        || method == HttpMethod.Head
        || method == HttpMethod.Options
        || method == HttpMethod.Put
        || method == HttpMethod.Delete
        || method == HttpMethod.Trace;

    /// <summary>Whether the exception proves the request never left the client.</summary>
    public static bool ProvesRequestNotSent(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    public static bool ShouldRetry(HttpRequestMessage request, HttpResponseMessage? response, Exception? exception) =>
        IsTransientFailure(response, exception) && MayResend(request, response, exception);

    /// <summary>Whether a request that failed transiently may be sent again: idempotent, marked safe, provably unsent, or refused with 429.</summary>
    public static bool MayResend(HttpRequestMessage request, HttpResponseMessage? response, Exception? exception)
    {
        if (IsIdempotent(request.Method) || Http.ClientRequestOptions.IsSafeToRetry(request))
        {
            return true;
        }

        if (exception is not null)
        {
            return ProvesRequestNotSent(exception);
        }

        // 429 means the server refused the request without processing it.
        return response?.StatusCode == HttpStatusCode.TooManyRequests;
    }
}
