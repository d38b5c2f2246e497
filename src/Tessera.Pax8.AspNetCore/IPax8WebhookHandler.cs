using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.AspNetCore;

/// <summary>
/// Processes authorized Pax8 webhook deliveries, in the background after the endpoint has answered 200. Resolved
/// from a new DI scope per delivery. A delivery is a notification: re-read the subscription, order or company
/// through <see cref="IPax8Client"/> rather than trusting <see cref="WebhookPayload.PayloadData"/> as complete.
/// </summary>
public interface IPax8WebhookHandler
{
    /// <summary>Processes one delivery. Exceptions are logged and do not stop later deliveries.</summary>
    /// <param name="payload">The authorized delivery.</param>
    /// <param name="cancellationToken">Signals application shutdown.</param>
    /// <returns>A task that completes when the delivery is processed.</returns>
    Task HandleAsync(WebhookPayload payload, CancellationToken cancellationToken);
}
