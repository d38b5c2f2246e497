using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tessera.Cli.Tour;

/// <summary>A small web server on a free loopback port that receives webhook deliveries and IPNs during the tour.</summary>
internal sealed class LocalReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<LocalReceiver> StartAsync(Action<IServiceCollection> services, Action<WebApplication> routes, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services(builder.Services);
        var app = builder.Build();
        routes(app);
        await app.StartAsync(cancellationToken);
        return new LocalReceiver(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
