using System.Net;
using System.Text;
using Tessera.SmartPay.AspNetCore;
using Tessera.SmartPay.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.SmartPay.Tests.Webhooks;

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
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
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
        notification.UnverifiedTopic.ShouldBe(SmartPayWebhookTopics.InvoicePaid);
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
            var body = Body.Replace("WC10042", "WC1004" + i, StringComparison.Ordinal);
            using var response = await client.SendAsync(Delivery(body, Sign(body))).WaitAsync(TimeSpan.FromSeconds(10));
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
                handled.Add(n.UnverifiedTopic);
            }

            if (n.UnverifiedTopic == SmartPayWebhookTopics.WebhookCreated)
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
                topics.Add(n.UnverifiedTopic);
            }

            return n.UnverifiedTopic == SmartPayWebhookTopics.InvoicePaid ? throw new InvalidOperationException("boom") : Task.CompletedTask;
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
    public async Task Attack_a_replayed_delivery_is_acknowledged_and_handled_once()
    {
        var handled = 0;
        var sentinel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (n, _) =>
        {
            if (n.UnverifiedTopic == SmartPayWebhookTopics.WebhookCreated)
            {
                sentinel.TrySetResult();
            }
            else
            {
                Interlocked.Increment(ref handled);
            }

            return Task.CompletedTask;
        }));
        var client = app.GetTestClient();

        for (var replay = 0; replay < 50; replay++)
        {
            using var response = await client.SendAsync(Delivery(Body, Sign(Body)));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, "a replay is acknowledged, so SmartPay never counts a failure");
        }

        (await client.SendAsync(Delivery(Body, Sign(Body), SmartPayWebhookTopics.WebhookCreated))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await sentinel.Task.WaitAsync(TimeSpan.FromSeconds(10));
        handled.ShouldBe(1);
    }

    [Fact]
    public async Task Attack_a_replay_flood_never_fills_the_queue_for_a_genuine_delivery()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(
            s => s.AddSmartPayWebhooks(o =>
            {
                o.QueueCapacity = 2;
                o.EnqueueTimeout = TimeSpan.Zero;
            }),
            a => a.MapSmartPayWebhook(Path, async (_, ct) => await release.Task.WaitAsync(ct)));
        var client = app.GetTestClient();

        for (var replay = 0; replay < 100; replay++)
        {
            (await client.SendAsync(Delivery(Body, Sign(Body)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var genuine = Body.Replace("WC10042", "WC20077", StringComparison.Ordinal);
        (await client.SendAsync(Delivery(genuine, Sign(genuine)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        release.SetResult();
    }

    [Fact]
    public async Task Attack_a_topic_swapped_replay_carries_the_swapped_topic_only_as_unverified()
    {
        var received = new TaskCompletionSource<SmartPayWebhookNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (n, _) =>
        {
            if (n.UnverifiedTopic == SmartPayWebhookTopics.InvoicePaid)
            {
                received.TrySetResult(n);
            }

            return Task.CompletedTask;
        }));
        var client = app.GetTestClient();

        // A genuine invoice/created delivery, captured and resent with the topic header changed: the signature still matches.
        (await client.SendAsync(Delivery(Body, Sign(Body), SmartPayWebhookTopics.InvoiceCreated))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.SendAsync(Delivery(Body, Sign(Body), SmartPayWebhookTopics.InvoicePaid))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var swapped = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        swapped.UnverifiedTopic.ShouldBe(SmartPayWebhookTopics.InvoicePaid);
        typeof(SmartPayWebhookNotification).GetProperty("Topic").ShouldBeNull("no member presents the unsigned header as verified");
        swapped.ToString().ShouldContain("unverified");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Attack_an_oversized_unauthenticated_body_is_refused_after_at_most_the_limit(bool declaresLength)
    {
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (_, _) => Task.CompletedTask));
        var body = new CountingContent(1024 * 1024, declaresLength);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = body };
        request.Headers.Add(SmartPayWebhookVerifier.SignatureHeader, Sign(Body));

        using var response = await app.GetTestClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        body.BytesWritten.ShouldBeLessThanOrEqualTo(64 * 1024, "the server stops reading at the 8 KiB limit (the in-memory transport buffers up to 64 KiB)");
    }

    [Fact]
    public async Task Attack_a_flood_of_forged_deliveries_logs_one_warning_not_one_per_request()
    {
        await using var app = await StartAsync(s => s.AddSmartPayWebhooks(), a => a.MapSmartPayWebhook(Path, (_, _) => Task.CompletedTask));
        var client = app.GetTestClient();

        for (var forged = 0; forged < 200; forged++)
        {
            (await client.SendAsync(Delivery(Body, Sign(Body, "not-the-key")))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var records = app.Services.GetFakeLogCollector().GetSnapshot();
        records.Count(r => r.Level >= LogLevel.Warning).ShouldBe(1);
        records.Count(r => r.Level == LogLevel.Debug && r.Message.Contains("rejected with HTTP 401", StringComparison.Ordinal)).ShouldBe(200);
        records.Single(r => r.Level == LogLevel.Warning).Message.ShouldContain("1 SmartPay webhook deliveries rejected");
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

    /// <summary>A body of spaces that counts how much of it the server pulled.</summary>
    private sealed class CountingContent(long length, bool declaresLength) : HttpContent
    {
        public long BytesWritten { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[4096];
            Array.Fill(chunk, (byte)' ');
            try
            {
                while (BytesWritten < length)
                {
                    await stream.WriteAsync(chunk);
                    BytesWritten += chunk.Length;
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidOperationException)
            {
                // The server stopped reading.
            }
        }

        protected override bool TryComputeLength(out long result)
        {
            result = length;
            return declaresLength;
        }
    }

    private sealed class RecordingWebhookHandler(List<string> seen) : ISmartPayWebhookHandler
    {
        public Task HandleAsync(SmartPayWebhookNotification notification, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(notification.UnverifiedTopic);
            }

            return Task.CompletedTask;
        }
    }
}
