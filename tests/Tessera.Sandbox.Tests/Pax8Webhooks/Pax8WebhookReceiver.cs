using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tessera.Sandbox.Tests.Pax8Webhooks;

/// <summary>A tiny Kestrel receiver on 127.0.0.1:0 that records every Pax8 delivery (Authorization header and JSON body) and answers <see cref="Status"/>.</summary>
internal sealed class Pax8WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private Pax8WebhookReceiver(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public int Status { get; set; } = 200;

    public ConcurrentQueue<(string Authorization, JsonObject Body)> Received { get; } = new();

    public static async Task<Pax8WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        Pax8WebhookReceiver? receiver = null;
        app.MapPost("/hooks", async context =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            receiver!.Received.Enqueue((context.Request.Headers.Authorization.ToString(), body));
            context.Response.StatusCode = receiver.Status;
        });
        await app.StartAsync();
        receiver = new Pax8WebhookReceiver(app, new Uri(app.Urls.First().TrimEnd('/') + "/hooks"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
