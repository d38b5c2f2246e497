using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tessera.Core.Clients;
using Tessera.Pax8;
using Tessera.Pax8.Experimental;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Pax8 Partner API client with dependency injection.</summary>
public static class Pax8ServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the default registration.</summary>
    public const string HttpClientName = "Tessera.Pax8";

    /// <summary>The name of the <see cref="HttpClient"/> of the default registration's experimental (undocumented) client.</summary>
    public const string ExperimentalHttpClientName = "Tessera.Pax8Experimental";

    /// <summary>
    /// Registers <see cref="IPax8Client"/> / <see cref="Pax8Client"/> (and the experimental
    /// <see cref="IPax8ExperimentalClient"/>) with options bound from <paramref name="configuration"/>
    /// (for example the <c>Pax8</c> section: ClientId, ClientSecret, BaseUrl, TokenUrl, TokenCache, …).
    /// Calling it again adds configuration; it never adds a second handler chain.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="Pax8ClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder: replace the primary handler, or add handlers that run once per call.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, IConfiguration configuration, Action<Pax8ClientOptions>? configure = null) =>
        services.AddPax8Client(Options.Options.DefaultName, configuration, configure);

    /// <summary>Registers the Pax8 client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="Pax8ClientOptions"/>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, Action<Pax8ClientOptions> configure) =>
        services.AddPax8Client(Options.Options.DefaultName, configure);

    /// <summary>
    /// Registers a named Pax8 client (one per partner credential): its own options (<c>IOptionsMonitor.Get(name)</c>),
    /// token cache entry, rate budget and circuit breaker. Resolve it keyed by <paramref name="name"/>, for example
    /// <c>[FromKeyedServices("partner-a")] IPax8Client pax8</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name; empty for the default (unkeyed) client.</param>
    /// <param name="configuration">The configuration section of this partner, for example <c>Pax8:Partners:A</c>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, string name, IConfiguration configuration, Action<Pax8ClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddPax8Client(name, options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers a named Pax8 client with options set in code (see <see cref="AddPax8Client(IServiceCollection, string, IConfiguration, Action{Pax8ClientOptions}?)"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name; empty for the default (unkeyed) client.</param>
    /// <param name="configure">Sets <see cref="Pax8ClientOptions"/>.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, string name, Action<Pax8ClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, configure, instance: null);
    }

    /// <summary>The one registration, for DI (<paramref name="configure"/>) and for <c>Pax8Client.Create</c> (<paramref name="instance"/>).</summary>
    internal static IHttpClientBuilder Register(IServiceCollection services, string name, Action<Pax8ClientOptions>? configure, Pax8ClientOptions? instance)
    {
        var httpClientName = name.Length == 0 ? HttpClientName : ClientRegistration.HttpClientName("Pax8", name);
        var experimentalName = name.Length == 0 ? ExperimentalHttpClientName : ClientRegistration.HttpClientName("Pax8Experimental", name);
        var first = instance is null
            ? ClientRegistration.AddRuntime<Pax8ClientOptions, Pax8ClientRuntime>(services, name, configure, CreateRuntime)
            : ClientRegistration.AddRuntime<Pax8ClientOptions, Pax8ClientRuntime>(services, name, instance, CreateRuntime);
        if (!first)
        {
            return services.AddHttpClient(httpClientName);
        }

        var builder = ClientRegistration.AddHttpClient<Pax8ClientRuntime>(services, httpClientName, name, runtime => runtime.Options.BaseUrl);
        ClientRegistration.AddHttpClient<Pax8ClientRuntime>(services, experimentalName, name, runtime => runtime.Options.ExperimentalBaseUrl);
        ClientRegistration.AddClient(services, name, provider => new Pax8Client(provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName)));
        ClientRegistration.AddClient<IPax8Client>(services, name, provider => provider.GetRequiredKeyedService<Pax8Client>(name));
        ClientRegistration.AddClient(services, name, provider => new Pax8ExperimentalClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(experimentalName)));
        ClientRegistration.AddClient<IPax8ExperimentalClient>(services, name, provider => provider.GetRequiredKeyedService<Pax8ExperimentalClient>(name));
        return builder;

        Pax8ClientRuntime CreateRuntime(IServiceProvider provider, Pax8ClientOptions options) => new(
            options,
            () => provider.GetRequiredKeyedService<Pax8Client>(name),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IDistributedCache>());
    }
}
