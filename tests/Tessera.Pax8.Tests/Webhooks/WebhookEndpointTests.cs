using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tessera.Pax8.AspNetCore;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.Tests.Webhooks;

/// <summary>MapPax8Webhook on TestServer: the echoed Authorization value, bounded body, 200 before handling, redeliveries handled once.</summary>
public sealed class WebhookEndpointTests
{
    private const string Path = "/webhooks/pax8";
    private const string Authorization = "Bearer webhook-shared-value-7d2e";
    private static readonly string Body = Payloads.Read("webhooks/webhook-payload");

    private sealed class Harness : IAsyncDisposable
    {
        public required WebApplication App { get; init; }

        public required FakeTimeProvider Clock { get; init; }

        public ConcurrentQueue<WebhookPayload> Handled { get; } = new();

        public HttpClient Client => App.GetTestClient();

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<Harness> StartAsync(Action<Pax8WebhookOptions>? configure = null, Func<WebhookPayload, CancellationToken, Task>? handler = null)
    {
        var clock = new FakeTimeProvider(TestClients.Start);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddPax8Webhooks(o =>
        {
            o.Authorization = Authorization;
            o.TimeProvider = clock;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        var harness = new Harness { App = app, Clock = clock };
        app.MapPax8Webhook(Path, async (payload, ct) =>
        {
            if (handler is not null)
            {
                await handler(payload, ct);
            }

            harness.Handled.Enqueue(payload);
        });
        await app.StartAsync();
        return harness;
    }

    private static HttpRequestMessage Delivery(string body, string? authorization = Authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task An_authorized_delivery_is_answered_200_and_handed_to_the_handler()
    {
        await using var harness = await StartAsync();

        using var response = await harness.Client.SendAsync(Delivery(Body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitForAsync(() => !harness.Handled.IsEmpty);
        harness.Handled.TryPeek(out var payload).ShouldBeTrue();
        payload!.WebhookId.ShouldBe(WebhookOperationCases.WebhookId);
        payload.WebhookTopic.Topic.ShouldBe("SUBSCRIPTION");
        payload.PayloadData!["subscriptionId"]!.ToString().ShouldBe("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    }

    [Theory]
    [InlineData("Bearer webhook-shared-value-7d2f")]
    [InlineData("Bearer webhook-shared-value-7d2")]
    [InlineData("Bearer webhook-shared-value-7d2e2")]
    [InlineData("bearer webhook-shared-value-7d2e")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_Authorization_is_refused_401_and_never_handled(string? authorization)
    {
        await using var harness = await StartAsync();

        using var response = await harness.Client.SendAsync(Delivery(Body, authorization));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        harness.Handled.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_redelivery_of_the_same_event_is_acknowledged_and_handled_once()
    {
        await using var harness = await StartAsync();
        var redelivery = Body.Replace("2025-07-16T09:00:00Z", "2025-07-16T09:05:00Z", StringComparison.Ordinal);
        var other = Body.Replace("\"quantity\": 5", "\"quantity\": 6", StringComparison.Ordinal);
        redelivery.ShouldNotBe(Body);
        other.ShouldNotBe(Body);

        (await harness.Client.SendAsync(Delivery(Body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await harness.Client.SendAsync(Delivery(redelivery))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await harness.Client.SendAsync(Delivery(other))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // One reader, in arrival order: once the third event is handled, the first was and the repeat never will be.
        await WaitForAsync(() => harness.Handled.Count >= 2);
        harness.Handled.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_replay_window_is_bounded_in_time()
    {
        await using var harness = await StartAsync(o => o.ReplayWindow = TimeSpan.FromHours(1));

        (await harness.Client.SendAsync(Delivery(Body))).StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        (await harness.Client.SendAsync(Delivery(Body))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WaitForAsync(() => harness.Handled.Count >= 2);
        harness.Handled.Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_413()
    {
        await using var harness = await StartAsync(o => o.MaxBodyBytes = 1024);
        var large = Body.Replace("\"type\": \"New\"", "\"type\": \"New\", \"padding\": \"" + new string('x', 2048) + "\"", StringComparison.Ordinal);

        using var response = await harness.Client.SendAsync(Delivery(large));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        harness.Handled.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_a_webhook_payload_is_refused_400(string body)
    {
        await using var harness = await StartAsync();

        using var response = await harness.Client.SendAsync(Delivery(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_slow_handler_does_not_delay_the_200()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = await StartAsync(handler: (_, ct) => release.Task.WaitAsync(ct));

        using var response = await harness.Client.SendAsync(Delivery(Body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        harness.Handled.ShouldBeEmpty();
        release.SetResult();
        await WaitForAsync(() => !harness.Handled.IsEmpty);
    }

    [Fact]
    public void Mapping_without_an_authorization_value_fails_at_startup()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddPax8Webhooks();
        using var app = builder.Build();

        Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(() => app.MapPax8Webhook(Path, (_, _) => Task.CompletedTask));
    }
}
