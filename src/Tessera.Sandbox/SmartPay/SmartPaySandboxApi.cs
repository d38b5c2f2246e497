using Tessera.Sandbox.Hosting;

namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// The SmartPay API v1.2 under <c>/smartpay/1-2/</c>, written from specs/smartpay.yaml: the 14 operations (POST only),
/// session tokens in the body, errors in the body with HTTP 200, seeded consumers, orders and invoices, and live
/// webhooks (test pings on create/modify, signed deliveries, disabling after repeated failures).
/// </summary>
internal sealed class SmartPaySandboxApi : ISandboxApi
{
    public PathString Prefix => "/smartpay";

    public void Register(IServiceCollection services, SandboxOptions options)
    {
        var smartPay = options.SmartPay ?? throw new ArgumentException("SmartPay options are required.", nameof(options));
        if (string.IsNullOrEmpty(smartPay.ApiKey) || smartPay.TokenLifetime <= TimeSpan.Zero || smartPay.ConsumerCount < 0
            || smartPay.OrderCount < 0 || smartPay.MaxFailedDeliveries < 1 || smartPay.WebhookTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                "SmartPay.ApiKey must not be empty, TokenLifetime and WebhookTimeout must be positive, ConsumerCount and OrderCount must not be negative and MaxFailedDeliveries must be at least 1.",
                nameof(options));
        }

        var timeProvider = options.TimeProvider ?? TimeProvider.System;
        var store = SmartPaySeedData.Create(options);
        var tokens = new SmartPayTokens(timeProvider, smartPay.TokenLifetime);
        var lifecycle = new SmartPayLifecycle(store);

        // Registered through factories so the container disposes the webhook sender (its HttpClient) with the app.
        services.AddSingleton(_ => new SmartPayWebhooks(store, smartPay));
        services.AddSingleton(provider => new SmartPaySandboxState(store, tokens, provider.GetRequiredService<SmartPayWebhooks>(), lifecycle));
        services.AddSingleton(provider => new SmartPayEndpoints(store, tokens, provider.GetRequiredService<SmartPayWebhooks>(), lifecycle, smartPay));
    }

    public void Map(WebApplication app)
    {
        var endpoints = app.Services.GetRequiredService<SmartPayEndpoints>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use((context, next) => HandleErrorsAsync(context, next, endpoints)));
        app.MapPost(SmartPayEndpoints.RoutePrefix + "/{endpoint}", (RequestDelegate)endpoints.HandleAsync);

        // Sandbox-only drivers (not part of SmartPay): v1.2 has no way to pay an invoice, so tours and
        // tests trigger the lifecycle, and its webhook deliveries, here.
        var state = app.Services.GetRequiredService<SmartPaySandboxState>();
        app.MapPost(Prefix + "/_sandbox/invoices/{invoiceId}/pay", async (string invoiceId) =>
        {
            await state.PayInvoiceAsync(invoiceId).ConfigureAwait(false);
            return Results.Ok(new { invoice_id = invoiceId, status = "paid" });
        });
        app.Map(Prefix + "/{**path}", (RequestDelegate)endpoints.HandleUnknownAsync);
    }

    /// <summary>Unexpected exceptions become HTTP 500 with error <c>6859</c> ("It's not you, it's us").</summary>
    private static async Task HandleErrorsAsync(HttpContext context, RequestDelegate next, SmartPayEndpoints endpoints)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Sandbox error on " + context.Request.Method + " " + context.Request.Path + ": " + exception).ConfigureAwait(false);
            await endpoints.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, SmartPayErrors.Internal).ConfigureAwait(false);
        }
    }
}
