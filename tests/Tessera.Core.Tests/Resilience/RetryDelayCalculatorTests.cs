using System.Net;
using System.Net.Http.Headers;
using Tessera.Core.Resilience;
using Tessera.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.Resilience;

public class RetryDelayCalculatorTests
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    private RetryDelayCalculator Calculator(bool jitter = false, double random = 0.5) => new(
        new ResilienceOptions
        {
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            UseJitter = jitter,
            MaxRetryAfter = TimeSpan.FromSeconds(60),
        },
        _time,
        () => random);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(40, 30)]
    public void Backoff_doubles_and_is_capped(int retryIndex, double expectedSeconds) =>
        Calculator().GetDelay(retryIndex, null).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(0.0, 1.5)]
    [InlineData(1.0, 2.5)]
    public void Jitter_spreads_the_delay_by_a_quarter_either_way(double random, double expectedSeconds) =>
        Calculator(jitter: true, random: random).GetDelay(1, null).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public void Retry_after_seconds_override_the_backoff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(42)) },
        };

        Calculator().GetDelay(0, response).ShouldBe(TimeSpan.FromSeconds(42));
    }

    [Fact]
    public void Retry_after_dates_are_relative_to_the_clock_and_never_negative()
    {
        using var future = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Headers = { RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(20)) },
        };
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Headers = { RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(-20)) },
        };

        Calculator().GetDelay(3, future).ShouldBe(TimeSpan.FromSeconds(20));
        Calculator().GetDelay(3, past).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_retry_after_beyond_the_maximum_is_flagged_and_capped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(5)) },
        };

        Calculator().ExceedsMaxRetryAfter(response).ShouldBeTrue();
        Calculator().GetDelay(0, response).ShouldBe(TimeSpan.FromSeconds(60));
    }
}
