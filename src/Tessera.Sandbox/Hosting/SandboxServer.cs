using Tessera.Sandbox.Hosting;
using Tessera.Sandbox.Pax8;
using Microsoft.AspNetCore.TestHost;

namespace Tessera.Sandbox;

/// <summary>
/// Builds and starts the sandbox: an ASP.NET Core app that behaves like the Pax8 Partner API (under
/// <c>/pax8/v1/</c>), written from specs/pax8.yaml and seeded with deterministic data.
/// </summary>
public static class SandboxServer
{
    private const string DefaultUrl = "http://127.0.0.1:0";

    /// <summary>Builds the app on Kestrel with every route; <paramref name="urls"/> like <c>http://127.0.0.1:0</c> (a free port).</summary>
    /// <param name="options">The sandbox settings.</param>
    /// <param name="urls">The URLs to listen on; <c>http://127.0.0.1:0</c> when none is given.</param>
    /// <returns>The app, not started.</returns>
    public static WebApplication Build(SandboxOptions options, params string[] urls) => Build(options, consoleLogging: false, urls);

    /// <summary>Builds and starts the sandbox on Kestrel (by default on a free loopback port).</summary>
    /// <param name="options">The sandbox settings; defaults when null.</param>
    /// <param name="url">The URL to listen on.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static async Task<RunningSandbox> StartAsync(SandboxOptions? options = null, string url = DefaultUrl, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var app = Build(options, url);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Urls.First(); // the bound address, with the port Kestrel picked
            var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            return new RunningSandbox(app, baseAddress, () => new SocketsHttpHandler(), options, app.Services.GetRequiredService<Pax8SandboxState>());
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Builds and starts the sandbox on ASP.NET Core's in-memory TestServer (no socket), for fast tests.</summary>
    /// <param name="options">The sandbox settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; its <see cref="RunningSandbox.CreateHandler"/> returns the in-memory handler.</returns>
    public static async Task<RunningSandbox> StartInMemoryAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var builder = CreateBuilder(consoleLogging: false);
        builder.WebHost.UseTestServer();
        var app = Configure(builder, options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var server = app.GetTestServer();
            return new RunningSandbox(app, server.BaseAddress, server.CreateHandler, options, app.Services.GetRequiredService<Pax8SandboxState>());
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Builds the Kestrel app; the standalone program turns console logging on.</summary>
    internal static WebApplication Build(SandboxOptions options, bool consoleLogging, params string[] urls)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        var builder = CreateBuilder(consoleLogging);
        builder.WebHost.UseUrls(urls.Length > 0 ? urls : [DefaultUrl]);
        return Configure(builder, options);
    }

    private static WebApplicationBuilder CreateBuilder(bool consoleLogging)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (consoleLogging)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }

        return builder;
    }

    private static WebApplication Configure(WebApplicationBuilder builder, SandboxOptions options)
    {
        var apis = SandboxApis.Create();
        builder.Services.AddSingleton(options);
        foreach (var api in apis)
        {
            api.Register(builder.Services, options);
        }

        var app = builder.Build();
        Faults.SandboxFaultMiddleware.Use(app, options.Faults);
        Faults.SandboxDriftMiddleware.Use(app, options.Drift);
        foreach (var api in apis)
        {
            api.Map(app);
        }

        return app;
    }
}
