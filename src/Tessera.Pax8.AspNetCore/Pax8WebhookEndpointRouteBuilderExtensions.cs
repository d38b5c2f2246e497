using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Core.Notifications;
using Tessera.Pax8.AspNetCore;
using Tessera.Pax8.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Pax8 webhook endpoint.</summary>
public static partial class Pax8WebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as the Pax8 webhook receiver: compares the <c>Authorization</c>
    /// header with <see cref="Pax8WebhookOptions.Authorization"/> in constant time before reading anything (401 when
    /// missing or wrong), reads the body through <see cref="Pax8WebhookOptions.MaxBodyBytes"/> (413 past it), parses the
    /// <see cref="WebhookPayload"/> (400 when it is not one), drops a redelivery of the same event within
    /// <see cref="Pax8WebhookOptions.ReplayWindow"/> (answered 200), queues it and answers 200 at once:
    /// <paramref name="handler"/> runs in the background, so a slow handler never exceeds the 10 seconds after which Pax8
    /// counts the delivery as failed. Deliveries are notifications: re-read state through the Partner API.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, for example <c>/webhooks/pax8</c>.</param>
    /// <param name="handler">Processes each authorized delivery.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddPax8Webhooks</c> was not called.</exception>
    /// <exception cref="Tessera.Core.Clients.ClientConfigurationException">No authorization value is configured.</exception>
    public static IEndpointConventionBuilder MapPax8Webhook(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<WebhookPayload, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, (_, payload, cancellationToken) => handler(payload, cancellationToken));
    }

    /// <summary>
    /// Maps the Pax8 webhook receiver (see the other overload) with the <see cref="IPax8WebhookHandler"/> registered by
    /// <c>AddPax8WebhookHandler&lt;THandler&gt;</c>, resolved from a new scope per delivery.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, for example <c>/webhooks/pax8</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException">The webhook services or the handler are not registered.</exception>
    public static IEndpointConventionBuilder MapPax8Webhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        using (var scope = endpoints.ServiceProvider.CreateScope())
        {
            _ = scope.ServiceProvider.GetService<IPax8WebhookHandler>()
                ?? throw new InvalidOperationException("No IPax8WebhookHandler is registered: call services.AddPax8WebhookHandler<THandler>().");
        }

        return Map(endpoints, pattern, (services, payload, cancellationToken) =>
            services.GetRequiredService<IPax8WebhookHandler>().HandleAsync(payload, cancellationToken));
    }

    private static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        Func<IServiceProvider, WebhookPayload, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (endpoints.ServiceProvider.GetService<Tessera.Core.Notifications.NotificationQueue<WebhookPayload>>() is null)
        {
            throw new InvalidOperationException("The Pax8 webhook services are not registered: call services.AddPax8Webhooks().");
        }

        // Resolving the state now reports a missing authorization value at startup rather than on Pax8's first delivery.
        _ = endpoints.ServiceProvider.GetRequiredService<Pax8WebhookReceiverState>();
        return endpoints.MapPost(pattern, context => ReceiveAsync(context, handler));
    }

    private static async Task ReceiveAsync(HttpContext context, Func<IServiceProvider, WebhookPayload, CancellationToken, Task> handler)
    {
        var services = context.RequestServices;
        var receiver = services.GetRequiredService<Pax8WebhookReceiverState>();

        // The header is the only authentication (W3); checking it first means an outsider's body is never read.
        if (!receiver.Verifier.IsAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            receiver.Rejections.Rejected(StatusCodes.Status401Unauthorized, "missing or wrong Authorization header");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = await BoundedBody.ReadAsync(context.Request.Body, receiver.MaxBodyBytes, context.Request.ContentLength, mac: null, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            receiver.Rejections.Rejected(StatusCodes.Status413PayloadTooLarge, $"body larger than {receiver.MaxBodyBytes} bytes (MaxBodyBytes)");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        WebhookPayload payload;
        try
        {
            payload = Pax8WebhookVerifier.Parse(body);
        }
        catch (Pax8WebhookPayloadException exception)
        {
            receiver.Rejections.Rejected(StatusCodes.Status400BadRequest, exception.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var topic = payload.WebhookTopic?.Topic ?? string.Empty;

        // A Pax8 retry, a retryWebhookDelivery or a replayed capture: acknowledged (no failed attempt logged), handled once.
        if (!receiver.Replays.TryRecord(Pax8WebhookVerifier.Fingerprint(payload)))
        {
            LogDuplicate(receiver.Logger, topic);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var queued = await services.GetRequiredService<Tessera.Core.Notifications.NotificationQueue<WebhookPayload>>()
            .TryEnqueueAsync(new Tessera.Core.Notifications.NotificationWorkItem<WebhookPayload>(payload, payload.WebhookTopic?.Topic ?? string.Empty, handler), context.RequestAborted)
            .ConfigureAwait(false);
        if (!queued)
        {
            receiver.Rejections.Rejected(StatusCodes.Status503ServiceUnavailable, "the delivery queue is full (QueueCapacity)");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        LogAccepted(receiver.Logger, topic);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    [LoggerMessage(EventId = 311, Level = LogLevel.Information, Message = "Pax8 webhook delivery accepted (topic {Topic})")]
    private static partial void LogAccepted(ILogger logger, string topic);

    [LoggerMessage(EventId = 313, Level = LogLevel.Debug, Message = "Pax8 webhook event already handled within the replay window (topic {Topic}); acknowledged, not handled again")]
    private static partial void LogDuplicate(ILogger logger, string topic);
}
