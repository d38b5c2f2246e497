using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tessera.Reliability.Tests.Hostile;

/// <summary>
/// A broken or hostile API on a loopback port, over real sockets (so the clients' own transport, decompression and
/// redirect settings are what is tested): <c>POST /token</c> issues a Pax8-style token; every other request is answered
/// by the test's <see cref="Respond"/>. It records every request it received (method, path, body).
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostileServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The scenario: answers every request except <c>POST /token</c>.</summary>
    public Func<HttpContext, Task> Respond { get; set; } = context => context.Response.WriteAsync("{}");

    /// <summary>Every request received, as <c>METHOD /path?query body</c>.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First().TrimEnd('/') + "/");

    public Uri TokenUrl => new(BaseUrl, "token");

    public static async Task<HostileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxResponseBufferSize = 64 * 1024);
        var app = builder.Build();
        var server = new HostileServer(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            server.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {body}".TrimEnd());
            await next(context);
        });
        app.MapPost("/token", () => Results.Json(new Dictionary<string, object> { ["access_token"] = "eyJhostile.token.sig", ["token_type"] = "Bearer", ["expires_in"] = 86400 }));
        app.MapFallback((HttpContext context) => server.Respond(context));
        await app.StartAsync();
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
