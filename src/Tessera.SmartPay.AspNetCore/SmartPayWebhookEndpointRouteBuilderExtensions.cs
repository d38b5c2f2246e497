using Tessera.SmartPay;
using Tessera.SmartPay.AspNetCore;
using System.Text;
using Tessera.Core.Notifications;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the SmartPay webhook endpoint.</summary>
public static partial class SmartPayWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as the SmartPay webhook receiver: reads the raw body through
    /// <see cref="SmartPayWebhookOptions.MaxBodyBytes"/> (413 past it) while computing its HMAC, verifies
    /// <c>X-SmartPay-Hmac-Sha256</c> in constant time (401 when missing or wrong), parses the notification (400 when the
    /// body is not JSON), drops a repeat within <see cref="SmartPayWebhookOptions.ReplayWindow"/> (answered 200), queues
    /// it and answers 200 at once; <paramref name="handler"/> runs in the background (see <c>AddSmartPayWebhooks</c>), so
    /// a slow handler never delays SmartPay's delivery. The topic header is not signed: see
    /// <see cref="SmartPayWebhookNotification.UnverifiedTopic"/>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, for example <c>/webhooks/smartpay</c>.</param>
    /// <param name="handler">Processes each verified notification.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddSmartPayWebhooks</c> was not called, or no webhook key is configured.</exception>
    public static IEndpointConventionBuilder MapSmartPayWebhook(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<SmartPayWebhookNotification, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, (_, notification, cancellationToken) => handler(notification, cancellationToken));
    }

    /// <summary>
    /// Maps the SmartPay webhook receiver (see the other overload) with the <see cref="ISmartPayWebhookHandler"/>
    /// registered by <c>AddSmartPayWebhookHandler&lt;THandler&gt;</c>, resolved from a new scope per notification.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, for example <c>/webhooks/smartpay</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException">The webhook services or the handler are not registered.</exception>
    public static IEndpointConventionBuilder MapSmartPayWebhook(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        using (var scope = endpoints.ServiceProvider.CreateScope())
        {
            _ = scope.ServiceProvider.GetService<ISmartPayWebhookHandler>()
                ?? throw new InvalidOperationException("No ISmartPayWebhookHandler is registered: call services.AddSmartPayWebhookHandler<THandler>().");
        }

        return Map(endpoints, pattern, (services, notification, cancellationToken) =>
            services.GetRequiredService<ISmartPayWebhookHandler>().HandleAsync(notification, cancellationToken));
    }

    private static IEndpointConventionBuilder Map(
        IEndpointRouteBuilder endpoints,
        string pattern,
        Func<IServiceProvider, SmartPayWebhookNotification, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (endpoints.ServiceProvider.GetService<Tessera.Core.Notifications.NotificationQueue<SmartPayWebhookNotification>>() is null)
        {
            throw new InvalidOperationException("The SmartPay webhook services are not registered: call services.AddSmartPayWebhooks().");
        }

        // Resolving the verifier now reports a missing key at startup rather than on SmartPay's first delivery.
        _ = endpoints.ServiceProvider.GetRequiredService<SmartPayWebhookVerifier>();
        return endpoints.MapPost(pattern, context => ReceiveAsync(context, handler));
    }

    private static async Task ReceiveAsync(HttpContext context, Func<IServiceProvider, SmartPayWebhookNotification, CancellationToken, Task> handler)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<SmartPayWebhookOptions>>().Value;
        var receiver = services.GetRequiredService<SmartPayWebhookReceiverState>();
        var verifier = services.GetRequiredService<SmartPayWebhookVerifier>();

        // The signature is computed while the body is read; nothing past the limit is buffered for an unauthenticated sender.
        byte[]? body;
        byte[] mac;
        using (var hmac = verifier.CreateMac())
        {
            body = await BoundedBody.ReadAsync(context.Request.Body, options.MaxBodyBytes, context.Request.ContentLength, hmac, context.RequestAborted).ConfigureAwait(false);
            mac = hmac.GetHashAndReset();
        }

        if (body is null)
        {
            receiver.Rejections.Rejected(StatusCodes.Status413PayloadTooLarge, $"body larger than {options.MaxBodyBytes} bytes (MaxBodyBytes)");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var topic = context.Request.Headers[SmartPayWebhookVerifier.TopicHeader].ToString();
        SmartPayWebhookNotification notification;
        try
        {
            notification = verifier.Verify(body, mac, context.Request.Headers[SmartPayWebhookVerifier.SignatureHeader].ToString(), topic);
        }
        catch (SmartPayWebhookSignatureException exception)
        {
            receiver.Rejections.Rejected(StatusCodes.Status401Unauthorized, exception.Message);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        catch (SmartPayWebhookPayloadException exception)
        {
            receiver.Rejections.Rejected(StatusCodes.Status400BadRequest, exception.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // A redelivery or a replay of a captured delivery: acknowledged (so SmartPay counts no failure), handled once.
        if (!receiver.Replays.TryRecord(ReplayWindow.Fingerprint(Encoding.UTF8.GetBytes(notification.UnverifiedTopic), body)))
        {
            LogDuplicate(receiver.Logger, notification.UnverifiedTopic);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var queued = await services.GetRequiredService<Tessera.Core.Notifications.NotificationQueue<SmartPayWebhookNotification>>()
            .TryEnqueueAsync(new Tessera.Core.Notifications.NotificationWorkItem<SmartPayWebhookNotification>(notification, notification.UnverifiedTopic, handler), context.RequestAborted)
            .ConfigureAwait(false);
        if (!queued)
        {
            receiver.Rejections.Rejected(StatusCodes.Status503ServiceUnavailable, "the notification queue is full (QueueCapacity)");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        LogAccepted(receiver.Logger, notification.UnverifiedTopic);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "SmartPay webhook notification accepted (unverified topic {Topic})")]
    private static partial void LogAccepted(ILogger logger, string topic);

    [LoggerMessage(EventId = 213, Level = LogLevel.Debug, Message = "SmartPay webhook notification already handled within the replay window (unverified topic {Topic}); acknowledged, not handled again")]
    private static partial void LogDuplicate(ILogger logger, string topic);
}
