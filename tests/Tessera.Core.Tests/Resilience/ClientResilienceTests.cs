using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tessera.Core.Errors;
using Tessera.Core.Http;
using Tessera.Core.Resilience;
using Tessera.Core.Tests.TestSupport;

namespace Tessera.Core.Tests.Resilience;

/// <summary>The retry rules, timeouts and circuit breaker, through a client runtime's whole handler chain.</summary>
public class ClientResilienceTests
{
    private static TestRuntime Runtime(Action<ResilienceOptions>? configure = null)
    {
        var options = new TestOptions();
        configure?.Invoke(options.Resilience);
        return new TestRuntime(options);
    }

    private static HttpRequestMessage Request(HttpMethod method, string body = "{\"amount\":100}") =>
        new(method, "payments") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task A_GET_is_retried_through_a_burst_of_503s()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = Runtime().Client(stub);

        using var response = await client.GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task Idempotent_methods_are_retried(string method)
    {
        var stub = StubHandler.Sequence(HttpStatusCode.BadGateway, HttpStatusCode.OK);
        using var client = Runtime().Client(stub);
        using var request = new HttpRequestMessage(new HttpMethod(method), "items/1");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("POST", HttpStatusCode.ServiceUnavailable)]
    [InlineData("POST", HttpStatusCode.InternalServerError)]
    [InlineData("POST", HttpStatusCode.BadGateway)]
    [InlineData("POST", HttpStatusCode.GatewayTimeout)]
    [InlineData("POST", HttpStatusCode.RequestTimeout)]
    [InlineData("PATCH", HttpStatusCode.ServiceUnavailable)]
    public async Task A_POST_or_PATCH_that_failed_on_the_server_is_sent_exactly_once(string method, HttpStatusCode status)
    {
        var stub = StubHandler.Sequence(status, HttpStatusCode.OK);
        using var client = Runtime().Client(stub);
        using var request = Request(new HttpMethod(method));

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(status);
        stub.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    public async Task A_POST_that_never_reached_the_server_is_retried(HttpRequestError error)
    {
        var stub = new StubHandler((_, attempt, _) => attempt == 0
            ? throw new HttpRequestException(error, "connect failed")
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created)));
        using var client = Runtime().Client(stub);
        using var request = Request(HttpMethod.Post);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        stub.Requests.Select(r => r.Body).ShouldBe(["{\"amount\":100}", "{\"amount\":100}"]);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.Unknown)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public async Task A_POST_that_failed_mid_exchange_is_not_resent_and_says_whether_it_left(HttpRequestError error)
    {
        var stub = new StubHandler((_, _, _) => throw new HttpRequestException(error, "connection reset"));
        using var client = Runtime().Client(stub);
        using var request = Request(HttpMethod.Post);

        var exception = await Should.ThrowAsync<ApiConnectionException>(client.SendAsync(request));

        stub.Count.ShouldBe(1);
        exception.HttpRequestError.ShouldBe(error);
        exception.RequestNotSent.ShouldBeFalse();
        exception.InnerException.ShouldBeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task A_POST_marked_safe_to_retry_is_retried_with_its_streamed_body_intact()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = Runtime().Client(stub);
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments")
        {
            Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes("idempotent-body"))),
        };
        ClientRequestOptions.SetSafeToRetry(request);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Requests.Select(r => r.Body).ShouldBe(["idempotent-body", "idempotent-body"]);
    }

    [Fact]
    public async Task A_POST_rejected_with_429_is_retried()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        using var client = Runtime().Client(stub);
        using var request = Request(HttpMethod.Post);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Non_transient_statuses_are_not_retried()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.BadRequest, HttpStatusCode.OK);
        using var client = Runtime().Client(stub);

        using var response = await client.GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Exhausted_retries_return_the_last_response_with_its_body_and_dispose_the_others()
    {
        var responses = new List<TrackingResponse>();
        var stub = new StubHandler((_, attempt, _) =>
        {
            var response = new TrackingResponse(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("attempt " + attempt) };
            lock (responses)
            {
                responses.Add(response);
            }

            return Task.FromResult<HttpResponseMessage>(response);
        });
        using var client = Runtime(o => o.MaxRetryAttempts = 3).Client(stub);

        using var last = await client.GetAsync("items");

        last.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await last.Content.ReadAsStringAsync()).ShouldBe("attempt 3");
        stub.Count.ShouldBe(4);
        responses.Take(3).ShouldAllBe(r => r.Disposed);
        responses[3].Disposed.ShouldBeFalse();
    }

    [Fact]
    public async Task Exhausted_retries_end_in_a_connection_exception_carrying_the_last_failure()
    {
        var stub = new StubHandler((_, attempt, _) => throw new HttpRequestException($"attempt {attempt}"));
        using var client = Runtime(o => o.MaxRetryAttempts = 2).Client(stub);

        var exception = await Should.ThrowAsync<ApiConnectionException>(client.GetAsync("items"));

        exception.InnerException!.Message.ShouldBe("attempt 2");
        exception.StatusCode.ShouldBe(0);
        stub.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_for()
    {
        var runtime = Runtime();
        var stub = new StubHandler((_, attempt, _) => Task.FromResult(attempt == 0
            ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)) } }
            : new HttpResponseMessage(HttpStatusCode.OK)));
        using var client = runtime.Client(stub);

        var sending = client.GetAsync("items");
        await runtime.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(7));
        runtime.Time.Advance(TimeSpan.FromSeconds(6.9));
        sending.IsCompleted.ShouldBeFalse();
        runtime.Time.Advance(TimeSpan.FromSeconds(0.1));

        using var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_measured_from_the_clients_clock()
    {
        var runtime = Runtime();
        var stub = new StubHandler((_, attempt, _) => Task.FromResult(attempt == 0
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new RetryConditionHeaderValue(runtime.Time.GetUtcNow().AddSeconds(12)) } }
            : new HttpResponseMessage(HttpStatusCode.OK)));
        using var client = runtime.Client(stub);

        var sending = client.GetAsync("items");
        await runtime.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(12));
        runtime.Time.Advance(TimeSpan.FromSeconds(12));

        using var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_returns_the_response_without_waiting()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(61)) } }));
        using var client = Runtime(o => o.MaxRetryAfter = TimeSpan.FromSeconds(60)).Client(stub);

        using var response = await client.GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Attempt_timeouts_are_retried_for_a_GET_and_end_in_an_ApiTimeoutException()
    {
        var runtime = Runtime(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.TotalTimeout = Timeout.InfiniteTimeSpan;
            o.MaxRetryAttempts = 2;
        });
        using var client = runtime.Client(Hanging());

        var sending = client.GetAsync("items?api_key=hidden-value");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await runtime.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(30));
            runtime.Time.Advance(TimeSpan.FromSeconds(30));
        }

        var exception = await Should.ThrowAsync<ApiTimeoutException>(sending);
        exception.IsTotalTimeout.ShouldBeFalse();
        exception.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        exception.Message.ShouldContain("attempt timeout");
        exception.Message.ShouldNotContain("hidden-value");
    }

    [Fact]
    public async Task A_POST_that_timed_out_is_not_resent()
    {
        var runtime = Runtime(o => o.AttemptTimeout = TimeSpan.FromSeconds(30));
        var stub = Hanging();
        using var client = runtime.Client(stub);
        using var request = Request(HttpMethod.Post);

        var sending = client.SendAsync(request);
        await runtime.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(30));
        runtime.Time.Advance(TimeSpan.FromSeconds(30));

        await Should.ThrowAsync<ApiTimeoutException>(sending);
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_total_timeout_ends_in_an_ApiTimeoutException()
    {
        var runtime = Runtime(o =>
        {
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = TimeSpan.FromSeconds(50);
        });
        var stub = Hanging();
        using var client = runtime.Client(stub);

        var sending = client.GetAsync("items");
        await runtime.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(50));
        runtime.Time.Advance(TimeSpan.FromSeconds(50));

        var exception = await Should.ThrowAsync<ApiTimeoutException>(sending);
        exception.IsTotalTimeout.ShouldBeTrue();
        exception.Message.ShouldContain("total timeout");
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_callers_cancellation_surfaces_as_cancellation_and_stops_retries()
    {
        using var cts = new CancellationTokenSource();
        var stub = new StubHandler((_, _, ct) =>
        {
            cts.Cancel();
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        });
        using var client = Runtime().Client(stub);

        var exception = await Should.ThrowAsync<OperationCanceledException>(client.GetAsync("items", cts.Token));

        exception.ShouldNotBeAssignableTo<ApiException>();
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_delay_stops_without_another_attempt()
    {
        var runtime = Runtime();
        var stub = new StubHandler((_, _, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)) } }));
        using var client = runtime.Client(stub);
        using var cts = new CancellationTokenSource();

        var sending = client.GetAsync("items", cts.Token);
        await runtime.Time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(5));
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(sending);
        runtime.Time.Advance(TimeSpan.FromSeconds(10));
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_with_a_typed_exception()
    {
        var stub = StubHandler.Always(HttpStatusCode.InternalServerError);
        using var client = Runtime(Breaker).Client(stub);

        (await client.GetAsync("items")).Dispose();
        (await client.GetAsync("items")).Dispose();

        var exception = await Should.ThrowAsync<ApiCircuitOpenException>(client.GetAsync("items"));
        exception.IsTransient.ShouldBeTrue();
        exception.RetryAfter.ShouldNotBeNull();
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_open_circuit_stays_open_in_the_next_handler_chain()
    {
        // IHttpClientFactory builds a new chain for every handler rotation; the breaker's state is the runtime's.
        var runtime = Runtime(Breaker);
        var stub = StubHandler.Always(HttpStatusCode.InternalServerError);
        using (var first = runtime.Client(stub))
        {
            (await first.GetAsync("items")).Dispose();
            (await first.GetAsync("items")).Dispose();
        }

        using var rotated = runtime.Client(stub);

        await Should.ThrowAsync<ApiCircuitOpenException>(rotated.GetAsync("items"));
        stub.Count.ShouldBe(2);
    }

    private static void Breaker(ResilienceOptions options)
    {
        options.MaxRetryAttempts = 0;
        options.EnableCircuitBreaker = true;
        options.CircuitBreakerMinimumThroughput = 2;
        options.CircuitBreakerFailureRatio = 0.5;
    }

    private static StubHandler Hanging() => new(async (_, _, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return new HttpResponseMessage(HttpStatusCode.OK);
    });

    private sealed class TrackingResponse(HttpStatusCode status) : HttpResponseMessage(status)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
