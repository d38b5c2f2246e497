using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>A merchant's IPN endpoint for the tests: Kestrel on a free loopback port, recording every POST body.</summary>
internal sealed class IpnReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private IpnReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The notification URL, e.g. <c>http://127.0.0.1:54321/ipn</c>.</summary>
    public string Url { get; }

    public ConcurrentQueue<JsonObject> Received { get; } = new();

    public static async Task<IpnReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        IpnReceiver? receiver = null;
        app.MapPost("/ipn", async (HttpContext context) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            receiver!.Received.Enqueue(body!.AsObject());
            return Results.Ok();
        });
        await app.StartAsync();
        receiver = new IpnReceiver(app, app.Urls.First().TrimEnd('/') + "/ipn");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
