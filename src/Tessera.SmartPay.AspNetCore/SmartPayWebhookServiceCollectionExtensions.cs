using Tessera.SmartPay;
using Tessera.SmartPay.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services behind <c>MapSmartPayWebhook</c>.</summary>
public static class SmartPayWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the webhook verifier (keyed with <see cref="SmartPayWebhookOptions.Key"/>, else the client options'
    /// WebhookKey, else ApiKey), the replay window, the bounded notification queue and the background service that
    /// drains it.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Optional endpoint settings.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSmartPayWebhooks(this IServiceCollection services, Action<SmartPayWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SmartPayWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider =>
        {
            var clientOptions = provider.GetService<IOptions<SmartPayClientOptions>>()?.Value ?? new SmartPayClientOptions();
            var key = provider.GetRequiredService<IOptions<SmartPayWebhookOptions>>().Value.Key ?? clientOptions.GetEffectiveWebhookKey();
            return new SmartPayWebhookVerifier(key ?? string.Empty, clientOptions.TimeProvider);
        });
        services.TryAddSingleton(provider =>
        {
            var webhook = provider.GetRequiredService<IOptions<SmartPayWebhookOptions>>().Value;
            return new Tessera.Core.Notifications.NotificationQueue<SmartPayWebhookNotification>("SmartPay", webhook.QueueCapacity, webhook.EnqueueTimeout);
        });
        services.TryAddSingleton(provider => new SmartPayWebhookReceiverState(
            provider.GetRequiredService<IOptions<SmartPayWebhookOptions>>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            provider.GetService<IOptions<SmartPayClientOptions>>()?.Value.TimeProvider));
        services.AddHostedService<Tessera.Core.Notifications.NotificationDispatcher<SmartPayWebhookNotification>>();
        return services;
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) as the handler of <c>MapSmartPayWebhook(pattern)</c>, and the webhook services.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Optional endpoint settings.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSmartPayWebhookHandler<THandler>(this IServiceCollection services, Action<SmartPayWebhookOptions>? configure = null)
        where THandler : class, ISmartPayWebhookHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<ISmartPayWebhookHandler, THandler>();
        return services.AddSmartPayWebhooks(configure);
    }
}
