using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tessera.Reliability.Tests.Secrets;

/// <summary>
/// A hostile Pax8 on loopback: it issues one fixed token and answers every API call with an error whose message
/// quotes the bearer token it received (as a careless or malicious server would).
/// </summary>
internal sealed class EchoingPax8 : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokenRequests;

    private EchoingPax8(WebApplication app, string token)
    {
        _app = app;
        Token = token;
    }

    public string Token { get; }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public Uri BaseUrl => new(_app.Urls.First().TrimEnd('/') + "/v1/");

    public Uri TokenUrl => new(BaseUrl, "token");

    public static async Task<EchoingPax8> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new EchoingPax8(app, "eyJ" + Guid.NewGuid().ToString("N") + ".echoed.sig");
        app.MapPost("/v1/token", () =>
        {
            Interlocked.Increment(ref server._tokenRequests);
            return Results.Json(new Dictionary<string, object> { ["access_token"] = server.Token, ["token_type"] = "Bearer", ["expires_in"] = 86400 });
        });
        app.MapFallback((HttpContext context) =>
        {
            var presented = context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
            return Results.Json(new Dictionary<string, object> { ["type"] = "Bad Request", ["message"] = $"cannot use {presented} for this partner", ["details"] = new[] { new Dictionary<string, string> { ["message"] = presented } } }, statusCode: 400);
        });
        await app.StartAsync();
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
