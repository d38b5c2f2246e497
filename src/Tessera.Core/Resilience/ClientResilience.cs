using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using Tessera.Core.Diagnostics;
using Tessera.Core.Http;
using Tessera.Core.Operations;

namespace Tessera.Core.Resilience;

/// <summary>
/// Builds a client's resilience pipeline from <see cref="ResilienceOptions"/> with the strategies of
/// Microsoft.Extensions.Http.Resilience, in the order of its standard handler: total timeout → retry → circuit breaker
/// → attempt timeout. Built once per client runtime, so circuit state survives IHttpClientFactory's handler rotation.
/// </summary>
/// <remarks>
/// <para>
/// Transient failures: <see cref="HttpRequestException"/> (also a connection reset while the body is read: the body
/// belongs to the attempt), attempt timeouts, and HTTP 408, 429, 500, 502, 503 and 504.
/// </para>
/// <para>
/// GET, HEAD, OPTIONS, PUT, DELETE and TRACE are retried. POST and PATCH only when the operation is marked
/// <c>x-safe-to-retry</c> or the request <see cref="ClientRequestOptions.SafeToRetry"/>, when the connection could not
/// be established at all, or when the server answered 429: a POST that timed out or failed with a 5xx may have been
/// processed and is never resent. Each approved retry of such a request is recorded for the wire handler, which refuses
/// any other resend.
/// </para>
/// <para>
/// <c>Retry-After</c> is honoured; when it asks for longer than <see cref="ResilienceOptions.MaxRetryAfter"/> the
/// response is returned instead of waiting. Every retry is logged once (attempt, delay, reason).
/// </para>
/// </remarks>
internal static partial class ClientResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(ResilienceOptions options, TimeProvider timeProvider, ILogger logger, SecretRedactor redactor) =>
        Build(options, timeProvider, logger, redactor, nextRandom: null);

    internal static ResiliencePipeline<HttpResponseMessage> Build(ResilienceOptions options, TimeProvider timeProvider, ILogger logger, SecretRedactor redactor, Func<double>? nextRandom)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetryAttempts);
        var delays = new RetryDelayCalculator(options, timeProvider, nextRandom);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider, Name = "Tessera" };

        if (options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = TotalTimeoutName, Timeout = options.TotalTimeout });
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldRetryAfterHeader = false, // the delay generator below reads Retry-After against our clock and cap
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, delays, logger, redactor)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(delays.GetDelay(args.AttemptNumber, args.Outcome.Result)),
                OnRetry = args =>
                {
                    if (args.Context.GetRequestMessage() is { } request)
                    {
                        // The retry strategy decided this resend is safe; the wire handler refuses any other.
                        if (!RetryClassifier.IsIdempotent(request.Method))
                        {
                            ClientRequestOptions.ApproveResend(request);
                        }

                        if (logger.IsEnabled(LogLevel.Warning))
                        {
                            LogRetry(
                                logger,
                                OperationName(request),
                                request.Method.Method,
                                request.RequestUri is null ? string.Empty : redactor.RedactUrl(request.RequestUri),
                                Reason(args.Outcome),
                                args.AttemptNumber + 2,
                                options.MaxRetryAttempts + 1,
                                (long)args.RetryDelay.TotalMilliseconds);
                        }
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.EnableCircuitBreaker)
        {
            builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "CircuitBreaker",
                FailureRatio = options.CircuitBreakerFailureRatio,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(RetryClassifier.IsTransientFailure(args.Outcome.Result, args.Outcome.Exception)),
            });
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = AttemptTimeoutName, Timeout = options.AttemptTimeout });
        }

        return builder.Build();
    }

    internal const string TotalTimeoutName = "TotalTimeout";

    internal const string AttemptTimeoutName = "AttemptTimeout";

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, RetryDelayCalculator delays, ILogger logger, SecretRedactor redactor)
    {
        if (context.CancellationToken.IsCancellationRequested || context.GetRequestMessage() is not { } request)
        {
            return false;
        }

        if (!RetryClassifier.IsTransientFailure(outcome.Result, outcome.Exception))
        {
            return false;
        }

        if (!RetryClassifier.MayResend(request, outcome.Result, outcome.Exception))
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogNotResent(logger, OperationName(request), request.Method.Method, request.RequestUri is null ? string.Empty : redactor.RedactUrl(request.RequestUri), Reason(outcome));
            }

            return false;
        }

        // Waiting longer than the caller allows would only delay the inevitable; let the caller see the response.
        return !delays.ExceedsMaxRetryAfter(outcome.Result);
    }

    private static string OperationName(HttpRequestMessage request) =>
        OperationDescriptor.Of(request) is { } operation ? operation.OperationId : request.Method.Method;

    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "attempt timeout",
        { Exception: HttpRequestException { HttpRequestError: var error } } => "HttpRequestException (" + error + ")",
        { Exception: { } exception } => exception.GetType().Name,
        { Result: { } response } => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}{(response.StatusCode == HttpStatusCode.TooManyRequests ? " (rate limited)" : string.Empty)}"),
        _ => "unknown",
    };

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Retrying {Operation} ({Method} {Url}) after {Reason}: attempt {Attempt} of {MaxAttempts} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string operation, string method, string url, string reason, int attempt, int maxAttempts, long delayMs);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Not resending {Operation} ({Method} {Url}) after {Reason}: it may have been processed and the API does not make a resend safe")]
    private static partial void LogNotResent(ILogger logger, string operation, string method, string url, string reason);
}
