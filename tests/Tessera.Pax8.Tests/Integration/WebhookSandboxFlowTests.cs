using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Pax8.Webhooks;
using Tessera.Sandbox;

namespace Tessera.Pax8.Tests.Integration;

/// <summary>
/// End to end: the webhooks client against the sandbox (written from the spec), and the sandbox delivering to
/// MapPax8Webhook on a real socket, with the Authorization value the webhook was created with.
/// </summary>
public sealed class WebhookSandboxFlowTests : IClassFixture<SandboxFixture>
{
    private const string Authorization = "Bearer flow-webhook-value-81f3";
    private readonly SandboxFixture _fixture;

    public WebhookSandboxFlowTests(SandboxFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task A_webhook_created_through_the_client_receives_the_topic_test_in_MapPax8Webhook()
    {
        var received = new ConcurrentQueue<WebhookPayload>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPax8Webhooks(o => o.Authorization = Authorization);
        await using var receiver = builder.Build();
        receiver.MapPax8Webhook("/hooks/pax8", (payload, _) =>
        {
            received.Enqueue(payload);
            return Task.CompletedTask;
        });
        await receiver.StartAsync();
        var url = receiver.Urls.First().TrimEnd('/') + "/hooks/pax8";

        var client = Pax8Client.Create(new Pax8ClientOptions
        {
            ClientId = SandboxOptions.DefaultPax8ClientId,
            ClientSecret = SandboxOptions.DefaultPax8ClientSecret,
            BaseUrl = _fixture.Sandbox.Pax8BaseUrl,
            TokenUrl = _fixture.Sandbox.Pax8TokenUrl,
            WebhooksBaseUrl = _fixture.Sandbox.Pax8WebhooksBaseUrl,
            RequestsPerMinute = 0,
        }, primaryHandler: _fixture.Sandbox.CreateHandler());

        var topics = await client.Webhooks.ListAsync();
        topics.ShouldContain("SUBSCRIPTION");
        var webhook = await client.Webhooks.CreateWebhookAsync(new CreateWebhook
        {
            DisplayName = "Flow",
            Url = url,
            Authorization = Authorization,
            Active = true,
            WebhookTopics = [new AddWebhookTopic { Topic = topics[0], Filters = [] }],
        });

        var test = await client.Webhooks.TestWebhookTopicAsync(webhook.Id, topics[0]);

        test.Url.ShouldBe(url);
        await WaitForAsync(() => !received.IsEmpty);
        received.Single().WebhookId.ShouldBe(webhook.Id);
        var logs = await client.Webhooks.QueryWebhookLogsAllAsync(webhook.Id).ToListAsync();
        logs.Single().FinalStatus.ShouldBe(WebhookDeliveryStatus.Success);
        (await client.Webhooks.GetWebhookAsync(webhook.Id)).LastDeliveryStatus.ShouldBe(WebhookDeliveryStatus.Success);
        await client.Webhooks.DeleteWebhookAsync(webhook.Id);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
