using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Smartex;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Smartex client with dependency injection.</summary>
public static class SmartexServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the default registration.</summary>
    public const string HttpClientName = "Tessera.Smartex";

    /// <summary>
    /// Registers <see cref="ISmartexClient"/> / <see cref="SmartexClient"/>, <see cref="SmartexPairing"/>,
    /// <see cref="SmartexTokenStore"/> and <see cref="SmartexIpn"/> with options bound from
    /// <paramref name="configuration"/> (for example the <c>Smartex</c> section: BaseUrl, KeyFile, TokenStoreFile, …).
    /// Calling it again adds configuration; it never adds a second handler chain.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="SmartexClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder: replace the primary handler, or add handlers that run once per call.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, IConfiguration configuration, Action<SmartexClientOptions>? configure = null) =>
        services.AddSmartexClient(Options.Options.DefaultName, configuration, configure);

    /// <summary>Registers the Smartex client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="SmartexClientOptions"/>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, Action<SmartexClientOptions> configure) =>
        services.AddSmartexClient(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named Smartex client (one per identity, for example one per store): its own options, key, token
    /// store, rate budget and circuit breaker. Resolve it keyed by <paramref name="name"/>, for example
    /// <c>[FromKeyedServices("store-2")] ISmartexClient smartex</c>; its <see cref="SmartexIpn"/> likewise.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name; empty for the default (unkeyed) client.</param>
    /// <param name="configuration">The configuration section of this identity.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, string name, IConfiguration configuration, Action<SmartexClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSmartexClient(name, options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers a named Smartex client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name; empty for the default (unkeyed) client.</param>
    /// <param name="configure">Sets <see cref="SmartexClientOptions"/>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, string name, Action<SmartexClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, configure, instance: null);
    }

    /// <summary>The one registration, for DI (<paramref name="configure"/>) and for <c>SmartexClient.Create</c> (<paramref name="instance"/>).</summary>
    internal static IHttpClientBuilder Register(IServiceCollection services, string name, Action<SmartexClientOptions>? configure, SmartexClientOptions? instance)
    {
        var httpClientName = name.Length == 0 ? HttpClientName : ClientRegistration.HttpClientName("Smartex", name);
        var first = instance is null
            ? ClientRegistration.AddRuntime<SmartexClientOptions, SmartexClientRuntime>(services, name, configure, CreateRuntime)
            : ClientRegistration.AddRuntime<SmartexClientOptions, SmartexClientRuntime>(services, name, instance, CreateRuntime);
        if (!first)
        {
            return services.AddHttpClient(httpClientName);
        }

        var builder = ClientRegistration.AddHttpClient<SmartexClientRuntime>(services, httpClientName, name, runtime => runtime.Options.BaseUrl);
        ClientRegistration.AddClient(services, name, provider => SmartexClient.CreateWithRuntime(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
            provider.GetRequiredKeyedService<SmartexClientRuntime>(name)));
        ClientRegistration.AddClient<ISmartexClient>(services, name, provider => provider.GetRequiredKeyedService<SmartexClient>(name));
        ClientRegistration.AddClient(services, name, provider => provider.GetRequiredKeyedService<SmartexClient>(name).Pairing);
        ClientRegistration.AddClient(services, name, provider => provider.GetRequiredKeyedService<SmartexClientRuntime>(name).TokenStore);
        ClientRegistration.AddClient(services, name, provider => new SmartexIpn(provider.GetRequiredKeyedService<SmartexClient>(name)));
        return builder;

        static SmartexClientRuntime CreateRuntime(IServiceProvider provider, SmartexClientOptions options) =>
            new(options, provider.GetService<ILoggerFactory>());
    }
}
