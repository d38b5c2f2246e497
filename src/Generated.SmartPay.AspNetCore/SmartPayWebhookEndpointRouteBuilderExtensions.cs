using Generated.SmartPay;
using Generated.SmartPay.AspNetCore;
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
    /// Maps <c>POST <paramref name="pattern"/></c> as the SmartPay webhook receiver: reads the raw body, verifies
    /// <c>X-SmartPay-Hmac-Sha256</c> in constant time (401 when missing or wrong), parses the notification (400 when the
    /// body is not JSON), queues it and answers 200 at once; <paramref name="handler"/> runs in the background (see
    /// <c>AddSmartPayWebhooks</c>), so a slow handler never delays SmartPay's delivery.
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
        if (endpoints.ServiceProvider.GetService<SmartPayWebhookQueue>() is null)
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
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Generated.SmartPay.Webhooks");

        var body = await ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            LogRejected(logger, StatusCodes.Status413PayloadTooLarge, "body too large");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        SmartPayWebhookNotification notification;
        try
        {
            notification = services.GetRequiredService<SmartPayWebhookVerifier>().Verify(
                body,
                context.Request.Headers[SmartPayWebhookVerifier.SignatureHeader].ToString(),
                context.Request.Headers[SmartPayWebhookVerifier.TopicHeader].ToString());
        }
        catch (SmartPayWebhookSignatureException exception)
        {
            LogRejected(logger, StatusCodes.Status401Unauthorized, exception.Message);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        catch (SmartPayWebhookPayloadException exception)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, exception.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var queued = await services.GetRequiredService<SmartPayWebhookQueue>()
            .TryEnqueueAsync(new SmartPayWebhookWorkItem(notification, handler), context.RequestAborted)
            .ConfigureAwait(false);
        if (!queued)
        {
            LogRejected(logger, StatusCodes.Status503ServiceUnavailable, "the notification queue is full");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        LogAccepted(logger, notification.Topic);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Reads the body as received (the signature covers these exact bytes); <see langword="null"/> when over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 211, Level = LogLevel.Information, Message = "SmartPay webhook notification accepted (topic {Topic})")]
    private static partial void LogAccepted(ILogger logger, string topic);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "SmartPay webhook notification rejected with HTTP {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason);
}
