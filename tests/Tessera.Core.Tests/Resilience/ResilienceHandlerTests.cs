using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tessera.Core.Http;
using Tessera.Core.Resilience;
using Tessera.Core.Tests.TestSupport;
using Polly.CircuitBreaker;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.Resilience;

public class ResilienceHandlerTests
{
    private static ResilienceOptions FastOptions(Action<ResilienceOptions>? configure = null)
    {
        var options = new ResilienceOptions { BaseDelay = TimeSpan.Zero, EnableCircuitBreaker = false };
        configure?.Invoke(options);
        return options;
    }

    private static HttpClient Client(StubHandler stub, ResilienceOptions? options = null) =>
        Pipeline.Create(stub, new ResilienceHandler(options ?? FastOptions()));

    private static HttpRequestMessage Request(HttpMethod method, string body = "{\"amount\":100}") =>
        new(method, "payments") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task A_GET_is_retried_through_a_burst_of_503s()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = Client(stub);

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
        using var client = Client(stub);
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
        using var client = Client(stub);
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
        using var client = Client(stub);
        using var request = Request(HttpMethod.Post);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        stub.Requests.Select(r => r.Body).ShouldBe(["{\"amount\":100}", "{\"amount\":100}"]);
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.Unknown)]
    [InlineData(HttpRequestError.InvalidResponse)]
    public async Task A_POST_that_failed_mid_exchange_is_not_resent(HttpRequestError error)
    {
        var stub = new StubHandler((_, _, _) => throw new HttpRequestException(error, "connection reset"));
        using var client = Client(stub);
        using var request = Request(HttpMethod.Post);

        await Should.ThrowAsync<HttpRequestException>(client.SendAsync(request));

        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_POST_marked_safe_to_retry_is_retried_with_its_body_intact()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        using var client = Client(stub);
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
        using var client = Client(stub);
        using var request = Request(HttpMethod.Post);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Non_transient_statuses_are_not_retried()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.BadRequest, HttpStatusCode.OK);
        using var client = Client(stub);

        using var response = await client.GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Exhausted_retries_return_the_last_response_and_dispose_the_others()
    {
        var contents = new List<TrackingContent>();
        var stub = new StubHandler((_, _, _) =>
        {
            var content = new TrackingContent();
            lock (contents)
            {
                contents.Add(content);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = content });
        });
        using var client = Client(stub, FastOptions(o => o.MaxRetryAttempts = 3));

        using var response = await client.GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        stub.Count.ShouldBe(4);
        contents.Take(3).ShouldAllBe(c => c.Disposed);
        contents[3].Disposed.ShouldBeFalse();
    }

    [Fact]
    public async Task Exhausted_retries_rethrow_the_last_exception()
    {
        var stub = new StubHandler((_, attempt, _) => throw new HttpRequestException($"attempt {attempt}"));
        using var client = Client(stub, FastOptions(o => o.MaxRetryAttempts = 2));

        var ex = await Should.ThrowAsync<HttpRequestException>(client.GetAsync("items"));

        ex.Message.ShouldBe("attempt 2");
        stub.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_for()
    {
        var time = new TimerWatchingTimeProvider();
        var stub = new StubHandler((_, attempt, _) => Task.FromResult(attempt == 0
            ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)) } }
            : new HttpResponseMessage(HttpStatusCode.OK)));
        using var client = Client(stub, FastOptions(o => o.TimeProvider = time));

        var sending = client.GetAsync("items");
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(6.9));
        sending.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));

        using var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_measured_from_the_configured_clock()
    {
        var time = new TimerWatchingTimeProvider();
        var stub = new StubHandler((_, attempt, _) => Task.FromResult(attempt == 0
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12)) } }
            : new HttpResponseMessage(HttpStatusCode.OK)));
        using var client = Client(stub, FastOptions(o => o.TimeProvider = time));

        var sending = client.GetAsync("items");
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(12));
        time.Advance(TimeSpan.FromSeconds(12));

        using var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_returns_the_response_without_waiting()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(61)) } }));
        using var client = Client(stub, FastOptions(o => o.MaxRetryAfter = TimeSpan.FromSeconds(60)));

        using var response = await client.GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Attempt_timeouts_are_retried_for_a_GET_and_end_in_a_TimeoutException()
    {
        var stub = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Client(stub, FastOptions(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(30);
            o.MaxRetryAttempts = 2;
        }));

        var ex = await Should.ThrowAsync<TimeoutException>(client.GetAsync("items?api_key=hidden-value"));

        stub.Count.ShouldBe(3);
        ex.Message.ShouldContain("attempt timeout");
        ex.Message.ShouldNotContain("hidden-value");
    }

    [Fact]
    public async Task A_POST_that_timed_out_is_not_resent()
    {
        var stub = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Client(stub, FastOptions(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(30)));
        using var request = Request(HttpMethod.Post);

        await Should.ThrowAsync<TimeoutException>(client.SendAsync(request));

        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_total_timeout_ends_in_a_TimeoutException()
    {
        var stub = new StubHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = Client(stub, FastOptions(o =>
        {
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.TotalTimeout = TimeSpan.FromMilliseconds(50);
        }));

        var ex = await Should.ThrowAsync<TimeoutException>(client.GetAsync("items"));

        ex.Message.ShouldContain("total timeout");
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
        using var client = Client(stub);

        var ex = await Should.ThrowAsync<OperationCanceledException>(client.GetAsync("items", cts.Token));

        ex.ShouldNotBeOfType<TimeoutException>();
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_during_a_retry_delay_stops_without_another_attempt()
    {
        var time = new TimerWatchingTimeProvider();
        var stub = new StubHandler((_, _, _) => Task.FromResult(
            new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)) } }));
        using var client = Client(stub, FastOptions(o => o.TimeProvider = time));
        using var cts = new CancellationTokenSource();

        var sending = client.GetAsync("items", cts.Token);
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(5));
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(sending);
        time.Advance(TimeSpan.FromSeconds(10));
        stub.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures()
    {
        var stub = StubHandler.Always(HttpStatusCode.InternalServerError);
        using var client = Client(stub, FastOptions(o =>
        {
            o.MaxRetryAttempts = 0;
            o.EnableCircuitBreaker = true;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
        }));

        (await client.GetAsync("items")).Dispose();
        (await client.GetAsync("items")).Dispose();

        await Should.ThrowAsync<BrokenCircuitException>(client.GetAsync("items"));
        stub.Count.ShouldBe(2);
    }

    private sealed class TrackingContent : ByteArrayContent
    {
        public TrackingContent()
            : base([])
        {
        }

        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
