using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tessera.Sandbox.Tests.SmartPay;

/// <summary>A tiny Kestrel receiver on 127.0.0.1:0 that records every POST (raw body bytes included) and answers <see cref="Status"/>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The receiving URL, e.g. <c>http://127.0.0.1:54321/hooks</c>.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status answered to the next requests.</summary>
    public int Status { get; set; } = 200;

    public ConcurrentQueue<Notification> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks", async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            receiver!.Received.Enqueue(new Notification(
                context.Request.Headers["X-SmartPay-Topic"].ToString(),
                context.Request.Headers["X-SmartPay-Hmac-Sha256"].ToString(),
                context.Request.ContentType ?? string.Empty,
                buffer.ToArray()));
            context.Response.StatusCode = receiver.Status;
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app, new Uri(app.Urls.First().TrimEnd('/') + "/hooks"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Notification(string Topic, string Signature, string ContentType, byte[] Body);
}
