using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Pax8;
using Tessera.Pax8.Experimental;
using Tessera.Pax8.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Pax8 Partner API client with dependency injection. Calling it again for the same name adds
/// configuration and never a second handler chain; a <c>name</c> registers an independent client (one per partner
/// credential: own options, token, rate budget and circuit breaker), resolved with <c>[FromKeyedServices(name)]</c>.
/// </summary>
public static class Pax8ServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the default registration.</summary>
    public const string HttpClientName = "Tessera.Pax8";

    /// <summary>The name of the <see cref="HttpClient"/> of the default registration's experimental (undocumented) client.</summary>
    public const string ExperimentalHttpClientName = "Tessera.Pax8Experimental";

    /// <summary>The name of the <see cref="HttpClient"/> of the default registration's Webhooks API v2 client.</summary>
    public const string WebhooksHttpClientName = "Tessera.Pax8Webhooks";

    /// <summary>
    /// Registers <see cref="IPax8Client"/> / <see cref="Pax8Client"/>, the Webhooks API v2 client
    /// <see cref="IPax8WebhooksClient"/> / <see cref="Pax8WebhooksClient"/> (same token, token cache and rate budget) and
    /// the experimental <see cref="IPax8ExperimentalClient"/> with options bound from <paramref name="configuration"/>
    /// (for example the <c>Pax8</c> section: ClientId, ClientSecret, BaseUrl, TokenUrl, TokenCache, …).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="Pax8ClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <param name="name">The registration name; empty (the default) registers the unkeyed client.</param>
    /// <returns>The HTTP client builder: replace the primary handler, or add handlers that run once per call.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, IConfiguration configuration, Action<Pax8ClientOptions>? configure = null, string name = "") =>
        Register(services, name, ClientRegistration.Bind(configuration, configure), instance: null);

    /// <summary>Registers the Pax8 client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="Pax8ClientOptions"/>.</param>
    /// <param name="name">The registration name; empty (the default) registers the unkeyed client.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, Action<Pax8ClientOptions> configure, string name = "") =>
        Register(services, name, configure ?? throw new ArgumentNullException(nameof(configure)), instance: null);

    /// <summary>The one registration, for DI (<paramref name="configure"/>) and for <c>Pax8Client.Create</c> (<paramref name="instance"/>).</summary>
    internal static IHttpClientBuilder Register(IServiceCollection services, string name, Action<Pax8ClientOptions>? configure, Pax8ClientOptions? instance)
    {
        if (ClientRegistration.TryAdd(services, "Pax8", name, configure, instance, CreateRuntime, runtime => runtime.Options.BaseUrl, out var builder))
        {
            var experimental = ClientRegistration.HttpClientName("Pax8Experimental", name);
            ClientRegistration.AddHttpClient<Pax8ClientRuntime>(services, experimental, name, runtime => runtime.Options.ExperimentalBaseUrl);
            var webhooks = ClientRegistration.HttpClientName("Pax8Webhooks", name);
            ClientRegistration.AddHttpClient<Pax8ClientRuntime>(services, webhooks, name, runtime => runtime.Options.EffectiveWebhooksBaseUrl);
            ClientRegistration.AddClient(services, name, provider => new Pax8Client(provider.GetRequiredService<IHttpClientFactory>().CreateClient(builder.Name))
            {
                WebhooksFactory = () => provider.GetRequiredKeyedService<Pax8WebhooksClient>(name),
            });
            ClientRegistration.AddClient<IPax8Client>(services, name, provider => provider.GetRequiredKeyedService<Pax8Client>(name));
            ClientRegistration.AddClient(services, name, provider => new Pax8ExperimentalClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(experimental)));
            ClientRegistration.AddClient<IPax8ExperimentalClient>(services, name, provider => provider.GetRequiredKeyedService<Pax8ExperimentalClient>(name));
            ClientRegistration.AddClient(services, name, provider => new Pax8WebhooksClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(webhooks)));
            ClientRegistration.AddClient<IPax8WebhooksClient>(services, name, provider => provider.GetRequiredKeyedService<Pax8WebhooksClient>(name));
        }

        return builder;

        Pax8ClientRuntime CreateRuntime(IServiceProvider provider, Pax8ClientOptions options) => new(
            options,
            () => provider.GetRequiredKeyedService<Pax8Client>(name),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IDistributedCache>());
    }
}
