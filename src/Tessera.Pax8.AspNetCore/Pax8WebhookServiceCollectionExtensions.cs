using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tessera.Pax8.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services behind <c>MapPax8Webhook</c>.</summary>
public static class Pax8WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers the delivery check (<see cref="Pax8WebhookOptions.Authorization"/>), the replay window, the bounded
    /// delivery queue and the background service that drains it.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Endpoint settings; at least <see cref="Pax8WebhookOptions.Authorization"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPax8Webhooks(this IServiceCollection services, Action<Pax8WebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<Pax8WebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider =>
        {
            var webhook = provider.GetRequiredService<IOptions<Pax8WebhookOptions>>().Value;
            return new Tessera.Core.Notifications.NotificationQueue<Tessera.Pax8.Webhooks.WebhookPayload>(
                "Pax8", webhook.QueueCapacity, webhook.EnqueueTimeout, " (Pax8 does not redeliver an acknowledged delivery; call retryWebhookDelivery from the logs if needed)");
        });
        services.TryAddSingleton(provider => new Pax8WebhookReceiverState(
            provider.GetRequiredService<IOptions<Pax8WebhookOptions>>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<Tessera.Core.Notifications.NotificationDispatcher<Tessera.Pax8.Webhooks.WebhookPayload>>();
        return services;
    }

    /// <summary>Registers the webhook services with settings bound from <paramref name="configuration"/> (for example the <c>Pax8:Webhooks</c> section).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <see cref="Pax8WebhookOptions"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPax8Webhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddPax8Webhooks(configuration.Bind);
    }

    /// <summary>Registers <typeparamref name="THandler"/> (scoped) as the handler of <c>MapPax8Webhook(pattern)</c>, and the webhook services.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Endpoint settings.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPax8WebhookHandler<THandler>(this IServiceCollection services, Action<Pax8WebhookOptions>? configure = null)
        where THandler : class, IPax8WebhookHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<IPax8WebhookHandler, THandler>();
        return services.AddPax8Webhooks(configure);
    }
}
