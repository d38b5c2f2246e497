using System.Net;
using System.Text;
using Generated.SmartPay.AspNetCore;
using Generated.SmartPay.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Generated.SmartPay.Tests.Webhooks;

/// <summary>The ASP.NET Core endpoint on TestServer: raw-body verification, 200 at once, background processing.</summary>
public sealed class WebhookEndpointTests
{
    private const string Path = "/webhooks/smartpay";
    private static readonly string Body = Payloads.Read("notification").TrimEnd('\n');

    private static async Task<WebApplication> StartAsync(Action<IServiceCollection> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        builder.Services.AddSmartPayClient(o =>
        {
            o.ApiKey = TestClients.ApiKey;
            o.TimeProvider = new FakeTimeProvider(TestClients.Start);
        });
        services(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static HttpRequestMessage Delivery(string body, string? signature, string topic = SmartPayWebhookTopics.InvoicePaid)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SmartPayWebhookVerifier.TopicHeader, topic);
        if (signature is not null)
        {
            request.Headers.Add(SmartPayWebhookVerifier.SignatureHeader, signature);
        }

        return request;
    }

    private static string Sign(string body, string key = TestClients.ApiKey) => SmartPayWebhookVerifier.ComputeSignature(Encoding.UTF8.GetBytes(body), key);

    [Fact]
    public async Task A_signed_notification_is_answered_200_and_handed_to_the_handler()
    {
        var received = new TaskCompletionSource<SmartPayWebhookNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (n, _) =>
        {
            received.TrySetResult(n);
            return Task.CompletedTask;
        }));

        using var response = await app.GetTestClient().SendAsync(Delivery(Body, Sign(Body)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var notification = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        notification.Topic.ShouldBe(SmartPayWebhookTopics.InvoicePaid);
        notification.OrderCustomId.ShouldBe("WC10042");
    }

    [Fact]
    public async Task A_slow_handler_does_not_delay_the_200()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = 0;
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            Interlocked.Increment(ref handled);
        }));
        var client = app.GetTestClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(Delivery(Body, Sign(Body))).WaitAsync(TimeSpan.FromSeconds(10));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        handled.ShouldBe(0, "every delivery was answered while the handler was still blocked");
        release.SetResult();
        await WaitUntilAsync(() => Volatile.Read(ref handled) == 3);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task A_bad_or_missing_signature_is_answered_401_and_never_handled(string? key)
    {
        var handled = new List<string>();
        var sentinelHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (n, _) =>
        {
            lock (handled)
            {
                handled.Add(n.Topic);
            }

            if (n.Topic == SmartPayWebhookTopics.WebhookCreated)
            {
                sentinelHandled.TrySetResult();
            }

            return Task.CompletedTask;
        }));
        var client = app.GetTestClient();

        using var response = await client.SendAsync(Delivery(Body, key is null ? null : Sign(Body, key), SmartPayWebhookTopics.InvoicePaid));
        using var sentinel = await client.SendAsync(Delivery(Body, Sign(Body), SmartPayWebhookTopics.WebhookCreated));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        sentinel.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Notifications are handled one at a time in arrival order: once the later, signed one has run, a queued
        // rejected one would have run before it.
        await sentinelHandled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (handled)
        {
            handled.ShouldBe([SmartPayWebhookTopics.WebhookCreated]);
        }
    }

    [Fact]
    public async Task A_tampered_body_is_answered_401()
    {
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (_, _) => Task.CompletedTask));

        using var response = await app.GetTestClient().SendAsync(Delivery(Body.Replace("WC10042", "WC99999", StringComparison.Ordinal), Sign(Body)));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_json_is_answered_400()
    {
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (_, _) => Task.CompletedTask));

        using var response = await app.GetTestClient().SendAsync(Delivery("<xml/>", Sign("<xml/>")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_endpoint_key_can_differ_from_the_api_key_and_a_DI_handler_is_resolved_per_notification()
    {
        await using var app = await StartAsync(
            s => s.AddSmartPayWebhookHandler<RecordingWebhookHandler>(o => o.Key = "endpoint-key-123").AddSingleton<List<string>>(),
            a => a.MapSmartPayWebhook(Path));
        var client = app.GetTestClient();

        using var rejected = await client.SendAsync(Delivery(Body, Sign(Body)));
        using var accepted = await client.SendAsync(Delivery(Body, Sign(Body, "endpoint-key-123"), SmartPayWebhookTopics.WebhookCreated));

        rejected.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var seen = app.Services.GetRequiredService<List<string>>();
        await WaitUntilAsync(() => { lock (seen) { return seen.Count == 1; } });
        seen[0].ShouldBe(SmartPayWebhookTopics.WebhookCreated);
    }

    [Fact]
    public async Task A_failing_handler_is_logged_and_later_notifications_still_run()
    {
        var topics = new List<string>();
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (n, _) =>
        {
            lock (topics)
            {
                topics.Add(n.Topic);
            }

            return n.Topic == SmartPayWebhookTopics.InvoicePaid ? throw new InvalidOperationException("boom") : Task.CompletedTask;
        }));
        var client = app.GetTestClient();

        (await client.SendAsync(Delivery(Body, Sign(Body), SmartPayWebhookTopics.InvoicePaid))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(Delivery(Body, Sign(Body), SmartPayWebhookTopics.OrderCreated))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WaitUntilAsync(() => { lock (topics) { return topics.Count == 2; } });
        topics.ShouldBe([SmartPayWebhookTopics.InvoicePaid, SmartPayWebhookTopics.OrderCreated]);
        var failure = app.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Error).ShouldHaveSingleItem();
        failure.Message.ShouldContain(SmartPayWebhookTopics.InvoicePaid);
        failure.Exception.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("boom");
    }

    [Fact]
    public async Task Mapping_without_the_services_fails_at_startup_with_a_clear_message()
    {
        var exception = await Should.ThrowAsync<InvalidOperationException>(() => StartAsync(_ => { }, a => a.MapSmartPayWebhook(Path, (_, _) => Task.CompletedTask)));

        exception.Message.ShouldContain("AddSmartPayWebhooks");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition was not met in time.");
            }

            await Task.Delay(10);
        }
    }

    private sealed class RecordingWebhookHandler(List<string> seen) : ISmartPayWebhookHandler
    {
        public Task HandleAsync(SmartPayWebhookNotification notification, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(notification.Topic);
            }

            return Task.CompletedTask;
        }
    }
}
