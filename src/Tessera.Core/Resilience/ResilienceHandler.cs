using System.Globalization;
using Tessera.Core.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Tessera.Core.Resilience;

/// <summary>
/// Retries transient failures, enforces timeouts and breaks the circuit when an API keeps failing.
/// </summary>
/// <remarks>
/// <para>
/// The pipeline is: total timeout → retry → circuit breaker → per-attempt timeout. Transient failures are
/// <see cref="HttpRequestException"/> (including a connection reset while the body is read: each attempt reads the
/// whole body), attempt timeouts and HTTP 408, 429, 500, 502, 503 and 504.
/// </para>
/// <para>
/// GET, HEAD, OPTIONS, PUT, DELETE and TRACE are retried. POST and PATCH are retried only when the request is marked
/// with <see cref="Http.ClientRequestOptions.SafeToRetry"/>, when the connection could not be established at all, or
/// when the server answered 429; a POST that timed out or failed with a 5xx may have been processed and is never
/// resent.
/// </para>
/// <para>
/// <c>Retry-After</c> is honoured; when it asks for longer than <see cref="ResilienceOptions.MaxRetryAfter"/>, the
/// response is returned instead of waiting. Timeouts the caller did not request surface as
/// <see cref="TimeoutException"/>; the caller's own cancellation surfaces as <see cref="OperationCanceledException"/>.
/// </para>
/// </remarks>
public sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Tessera.Core.Request");
    private static readonly ResiliencePropertyKey<CancellationToken> CallerCancellationKey = new("Tessera.Core.CallerCancellation");

    private readonly ResilienceOptions _options;
    private readonly RetryDelayCalculator _delays;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">Retry, timeout and circuit breaker settings.</param>
    public ResilienceHandler(ResilienceOptions options)
        : this(options, nextRandom: null)
    {
    }

    internal ResilienceHandler(ResilienceOptions options, Func<double>? nextRandom)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetryAttempts);
        _options = options;
        _delays = new RetryDelayCalculator(options, nextRandom);
        _pipeline = BuildPipeline();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            // Retries resend the same message; a streamed body can only be read once.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(CallerCancellationKey, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Handler.SendAttemptAsync(state.Request, ctx.CancellationToken),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(DescribeTimeout(request, ex.Timeout), ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            // The body belongs to the attempt: a connection reset or a stall mid-body fails this attempt (retried like
            // any transport failure when the request may be resent) instead of surfacing later, outside the retry and
            // timeout policies, while the caller reads the body. The generated clients read bodies whole anyway.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    private string DescribeTimeout(HttpRequestMessage request, TimeSpan timeout)
    {
        var which = timeout == _options.TotalTimeout ? "total timeout" : "attempt timeout";
        var url = request.RequestUri is null ? string.Empty : " " + SecretRedactor.Shared.RedactUrl(request.RequestUri);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP {request.Method}{url} did not complete within the {which} of {timeout.TotalSeconds:0.###} s.");
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _options.TimeProvider };

        if (_options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = _options.TotalTimeout, Name = "TotalTimeout" });
        }

        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(_delays.GetDelay(args.AttemptNumber, args.Outcome.Result)),
                OnRetry = args =>
                {
                    // The failed attempt's response is replaced by the next one; release its connection now.
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (_options.EnableCircuitBreaker)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "CircuitBreaker",
                FailureRatio = _options.CircuitBreakerFailureRatio,
                MinimumThroughput = _options.CircuitBreakerMinimumThroughput,
                SamplingDuration = _options.CircuitBreakerSamplingDuration,
                BreakDuration = _options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(
                    RetryClassifier.IsTransientFailure(args.Outcome.Result, args.Outcome.Exception)),
            });
        }

        if (_options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = _options.AttemptTimeout, Name = "AttemptTimeout" });
        }

        return builder.Build();
    }

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (context.Properties.TryGetValue(CallerCancellationKey, out var callerCancellation)
            && callerCancellation.IsCancellationRequested)
        {
            return false;
        }

        if (!context.Properties.TryGetValue(RequestKey, out var request))
        {
            return false;
        }

        if (!RetryClassifier.ShouldRetry(request, outcome.Result, outcome.Exception))
        {
            return false;
        }

        // Waiting longer than the caller allows would only delay the inevitable; let the caller see the response.
        return !_delays.ExceedsMaxRetryAfter(outcome.Result);
    }
}
