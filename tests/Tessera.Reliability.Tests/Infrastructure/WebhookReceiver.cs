using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>One loopback endpoint for the whole test run that answers SmartPay's webhook test pings with 200.</summary>
public static class WebhookReceiver
{
    private static readonly Lazy<Task<Uri>> Started = new(StartAsync);

    public static Task<Uri> UrlAsync() => Started.Value;

    private static async Task<Uri> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", () => Results.Ok());
        await app.StartAsync();
        return new Uri(app.Urls.First().TrimEnd('/') + "/hook");
    }
}
