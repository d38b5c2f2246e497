using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.SmartPay;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SmartPay API v1.2 client with dependency injection.</summary>
public static class SmartPayServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the default registration.</summary>
    public const string HttpClientName = "Tessera.SmartPay";

    /// <summary>
    /// Registers <see cref="ISmartPayClient"/> / <see cref="SmartPayClient"/> with options bound from
    /// <paramref name="configuration"/> (for example the <c>SmartPay</c> section: ApiKey, BaseUrl, TokenCache,
    /// RequestsPerMinute, WebhookKey, …). Calling it again adds configuration; it never adds a second handler chain.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="SmartPayClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder: replace the primary handler, or add handlers that run once per call.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, IConfiguration configuration, Action<SmartPayClientOptions>? configure = null) =>
        services.AddSmartPayClient(Options.Options.DefaultName, configuration, configure);

    /// <summary>Registers the SmartPay client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="SmartPayClientOptions"/>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, Action<SmartPayClientOptions> configure) =>
        services.AddSmartPayClient(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named SmartPay client (one per merchant api_key): its own options, session token, rate budget and
    /// circuit breaker. Resolve it keyed by <paramref name="name"/>, for example
    /// <c>[FromKeyedServices("eu")] ISmartPayClient smartPay</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name; empty for the default (unkeyed) client.</param>
    /// <param name="configuration">The configuration section of this merchant.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, string name, IConfiguration configuration, Action<SmartPayClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSmartPayClient(name, options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers a named SmartPay client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name; empty for the default (unkeyed) client.</param>
    /// <param name="configure">Sets <see cref="SmartPayClientOptions"/>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, string name, Action<SmartPayClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, configure, instance: null);
    }

    /// <summary>The one registration, for DI (<paramref name="configure"/>) and for <c>SmartPayClient.Create</c> (<paramref name="instance"/>).</summary>
    internal static IHttpClientBuilder Register(IServiceCollection services, string name, Action<SmartPayClientOptions>? configure, SmartPayClientOptions? instance)
    {
        var httpClientName = name.Length == 0 ? HttpClientName : ClientRegistration.HttpClientName("SmartPay", name);
        var first = instance is null
            ? ClientRegistration.AddRuntime<SmartPayClientOptions, SmartPayClientRuntime>(services, name, configure, CreateRuntime)
            : ClientRegistration.AddRuntime<SmartPayClientOptions, SmartPayClientRuntime>(services, name, instance, CreateRuntime);
        if (!first)
        {
            return services.AddHttpClient(httpClientName);
        }

        var builder = ClientRegistration.AddHttpClient<SmartPayClientRuntime>(services, httpClientName, name, runtime => runtime.Options.BaseUrl);
        ClientRegistration.AddClient(services, name, provider => new SmartPayClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName)));
        ClientRegistration.AddClient<ISmartPayClient>(services, name, provider => provider.GetRequiredKeyedService<SmartPayClient>(name));
        return builder;

        SmartPayClientRuntime CreateRuntime(IServiceProvider provider, SmartPayClientOptions options) => new(
            options,
            () => provider.GetRequiredKeyedService<SmartPayClient>(name),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IDistributedCache>());
    }
}
