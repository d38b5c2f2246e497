using System.Net;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_beyond_the_limit_get_429_with_Retry_After_until_the_window_closes()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(options => options.Pax8RequestsPerMinute = 5);
        for (var index = 0; index < 5; index++)
        {
            await sandbox.GetOkAsync("products?size=1");
        }

        sandbox.Clock.Advance(TimeSpan.FromSeconds(20));
        var (status, body, response) = await sandbox.SendAsync(HttpMethod.Get, "products?size=1");
        using (response)
        {
            status.ShouldBe(HttpStatusCode.TooManyRequests);
            body.ShouldBeError(429, "TOO_MANY_REQUESTS");
            response.Headers.RetryAfter.ShouldNotBeNull();
            response.Headers.RetryAfter.Delta.ShouldBe(TimeSpan.FromSeconds(40));
        }

        sandbox.Clock.Advance(TimeSpan.FromSeconds(40));
        await sandbox.GetOkAsync("products?size=1");
    }

    [Fact]
    public async Task The_limit_counts_per_client_across_tokens_and_the_token_endpoint_is_not_limited()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(options => options.Pax8RequestsPerMinute = 2);
        await sandbox.GetOkAsync("products?size=1");
        await sandbox.AuthorizeAsync();
        await sandbox.GetOkAsync("products?size=1");

        await sandbox.AuthorizeAsync();
        await sandbox.SendExpectingAsync(HttpStatusCode.TooManyRequests, HttpMethod.Get, "products?size=1");
    }

    [Fact]
    public async Task Zero_means_unlimited()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(options => options.Pax8RequestsPerMinute = 0);
        for (var index = 0; index < 30; index++)
        {
            await sandbox.GetOkAsync("products?size=1");
        }
    }
}
