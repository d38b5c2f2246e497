namespace Tessera.SmartPay.AspNetCore;

/// <summary>
/// Processes verified SmartPay webhook notifications, in the background after the endpoint has answered 200.
/// Resolved from a new DI scope per notification. Treat a notification as a trigger: re-query the order or invoice.
/// </summary>
public interface ISmartPayWebhookHandler
{
    /// <summary>Processes one notification. Exceptions are logged and do not stop later notifications.</summary>
    /// <param name="notification">The verified notification.</param>
    /// <param name="cancellationToken">Signals application shutdown.</param>
    /// <returns>A task that completes when the notification is processed.</returns>
    Task HandleAsync(SmartPayWebhookNotification notification, CancellationToken cancellationToken);
}
