using System.Globalization;
using Tessera.Sandbox.Hosting;

namespace Tessera.Sandbox.Pax8;

/// <summary>The Pax8 Partner API under <c>/pax8/v1/</c>, written from specs/pax8.yaml.</summary>
internal sealed class Pax8SandboxApi : ISandboxApi
{
    public PathString Prefix => "/pax8";

    public void Register(IServiceCollection services, SandboxOptions options)
    {
        if (options.Pax8RequestsPerMinute < 0 || options.Pax8CompanyCount < 0 || options.Pax8TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("Pax8RequestsPerMinute and Pax8CompanyCount must not be negative and Pax8TokenLifetime must be positive.", nameof(options));
        }

        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var store = Pax8SeedData.Create(options);
        var tokens = new Pax8Tokens(timeProvider, options.Pax8TokenLifetime);
        // A singleton the container creates, so it is disposed (and pending deliveries cancelled) with the sandbox.
        services.AddSingleton(_ => new Pax8Webhooks(store, TimeSpan.FromSeconds(10)));
        services.AddSingleton(provider => new Pax8SandboxState(store, tokens, provider.GetRequiredService<Pax8Webhooks>()));
        services.AddSingleton(provider => new Pax8Endpoints(store, tokens, new FixedWindowRequestLimiter(options.Pax8RequestsPerMinute, timeProvider), options, provider.GetRequiredService<Pax8Webhooks>()));
    }

    public void Map(WebApplication app)
    {
        var state = app.Services.GetRequiredService<Pax8SandboxState>();
        var endpoints = app.Services.GetRequiredService<Pax8Endpoints>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase),
            branch =>
            {
                branch.Use((context, next) => RecordAsync(context, next, state));
                branch.Use(HandleErrorsAsync);
                branch.Use(endpoints.AuthorizeAsync);
            });
        endpoints.Map(app);
    }

    /// <summary>Keeps the Pax8 request log (method, path, final status) for tests.</summary>
    private static async Task RecordAsync(HttpContext context, RequestDelegate next, Pax8SandboxState state)
    {
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        finally
        {
            state.Record(context.Request.Method, context.Request.Path.Value ?? "/", status);
        }
    }

    /// <summary>
    /// Turns failures into the Partner API's <c>Error</c> envelope: validation errors raised by handlers, malformed
    /// requests, unknown routes (404) and wrong methods (405), and unexpected exceptions (500).
    /// </summary>
    private static async Task HandleErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Pax8ErrorException exception) when (!context.Response.HasStarted)
        {
            await Pax8Errors.WriteAsync(context, exception.Status, exception.Message, exception.Details).ConfigureAwait(false);
            return;
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            await Pax8Errors.WriteAsync(context, exception.StatusCode, exception.Message).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Sandbox error on " + context.Request.Method + " " + context.Request.Path + ": " + exception).ConfigureAwait(false);
            await Pax8Errors.WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error").ConfigureAwait(false);
            return;
        }

        if (!context.Response.HasStarted && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
        {
            var message = context.Response.StatusCode == StatusCodes.Status404NotFound
                ? "No endpoint " + context.Request.Method + " " + context.Request.Path
                : string.Create(CultureInfo.InvariantCulture, $"Request method '{context.Request.Method}' is not supported");
            await Pax8Errors.WriteAsync(context, context.Response.StatusCode, message).ConfigureAwait(false);
        }
    }
}
