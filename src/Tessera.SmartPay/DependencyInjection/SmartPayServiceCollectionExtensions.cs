using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.SmartPay;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the SmartPay API v1.2 client with dependency injection. Calling it again for the same name adds
/// configuration and never a second handler chain; a <c>name</c> registers an independent client (one per merchant
/// api_key), resolved with <c>[FromKeyedServices(name)]</c>.
/// </summary>
public static class SmartPayServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the default registration.</summary>
    public const string HttpClientName = "Tessera.SmartPay";

    /// <summary>
    /// Registers <see cref="ISmartPayClient"/> / <see cref="SmartPayClient"/> with options bound from
    /// <paramref name="configuration"/> (for example the <c>SmartPay</c> section: ApiKey, BaseUrl, TokenCache,
    /// RequestsPerMinute, WebhookKey, …).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="SmartPayClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <param name="name">The registration name; empty (the default) registers the unkeyed client.</param>
    /// <returns>The HTTP client builder: replace the primary handler, or add handlers that run once per call.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, IConfiguration configuration, Action<SmartPayClientOptions>? configure = null, string name = "") =>
        Register(services, name, ClientRegistration.Bind(configuration, configure), instance: null);

    /// <summary>Registers the SmartPay client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="SmartPayClientOptions"/>.</param>
    /// <param name="name">The registration name; empty (the default) registers the unkeyed client.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, Action<SmartPayClientOptions> configure, string name = "") =>
        Register(services, name, configure ?? throw new ArgumentNullException(nameof(configure)), instance: null);

    /// <summary>The one registration, for DI (<paramref name="configure"/>) and for <c>SmartPayClient.Create</c> (<paramref name="instance"/>).</summary>
    internal static IHttpClientBuilder Register(IServiceCollection services, string name, Action<SmartPayClientOptions>? configure, SmartPayClientOptions? instance)
    {
        if (ClientRegistration.TryAdd(services, "SmartPay", name, configure, instance, CreateRuntime, runtime => runtime.Options.BaseUrl, out var builder))
        {
            ClientRegistration.AddClient(services, name, provider => new SmartPayClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(builder.Name)));
            ClientRegistration.AddClient<ISmartPayClient>(services, name, provider => provider.GetRequiredKeyedService<SmartPayClient>(name));
        }

        return builder;

        SmartPayClientRuntime CreateRuntime(IServiceProvider provider, SmartPayClientOptions options) => new(
            options,
            () => provider.GetRequiredKeyedService<SmartPayClient>(name),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IDistributedCache>());
    }
}
