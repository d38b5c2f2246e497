using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Smartex;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Smartex client with dependency injection. Calling it again for the same name adds configuration and
/// never a second handler chain; a <c>name</c> registers an independent client (one per identity, for example one per
/// store), resolved with <c>[FromKeyedServices(name)]</c>, its pairing, token store and IPN confirmation likewise.
/// </summary>
public static class SmartexServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> of the default registration.</summary>
    public const string HttpClientName = "Tessera.Smartex";

    /// <summary>
    /// Registers <see cref="ISmartexClient"/> / <see cref="SmartexClient"/>, <see cref="SmartexPairing"/>,
    /// <see cref="SmartexTokenStore"/>, <see cref="Tessera.Smartex.Identity.SmartexIdentity"/> and <see cref="SmartexIpn"/> with options bound from
    /// <paramref name="configuration"/> (for example the <c>Smartex</c> section: BaseUrl, KeyFile, TokenStoreFile, …).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="SmartexClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <param name="name">The registration name; empty (the default) registers the unkeyed client.</param>
    /// <returns>The HTTP client builder: replace the primary handler, or add handlers that run once per call.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, IConfiguration configuration, Action<SmartexClientOptions>? configure = null, string name = "") =>
        Register(services, name, ClientRegistration.Bind(configuration, configure), instance: null);

    /// <summary>Registers the Smartex client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="SmartexClientOptions"/>.</param>
    /// <param name="name">The registration name; empty (the default) registers the unkeyed client.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, Action<SmartexClientOptions> configure, string name = "") =>
        Register(services, name, configure ?? throw new ArgumentNullException(nameof(configure)), instance: null);

    /// <summary>The one registration, for DI (<paramref name="configure"/>) and for <c>SmartexClient.Create</c> (<paramref name="instance"/>).</summary>
    internal static IHttpClientBuilder Register(IServiceCollection services, string name, Action<SmartexClientOptions>? configure, SmartexClientOptions? instance)
    {
        if (ClientRegistration.TryAdd(services, "Smartex", name, configure, instance, CreateRuntime, runtime => runtime.Options.BaseUrl, out var builder))
        {
            ClientRegistration.AddClient(services, name, provider => SmartexClient.CreateWithRuntime(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(builder.Name),
                provider.GetRequiredKeyedService<SmartexClientRuntime>(name)));
            ClientRegistration.AddClient<ISmartexClient>(services, name, provider => provider.GetRequiredKeyedService<SmartexClient>(name));
            ClientRegistration.AddClient(services, name, provider => provider.GetRequiredKeyedService<SmartexClient>(name).Pairing);
            ClientRegistration.AddClient(services, name, provider => provider.GetRequiredKeyedService<SmartexClientRuntime>(name).TokenStore);
            ClientRegistration.AddClient(services, name, provider => provider.GetRequiredKeyedService<SmartexClientRuntime>(name).Identity);
            ClientRegistration.AddClient(services, name, provider => new SmartexIpn(provider.GetRequiredKeyedService<SmartexClient>(name)));
        }

        return builder;

        static SmartexClientRuntime CreateRuntime(IServiceProvider provider, SmartexClientOptions options) =>
            new(options, provider.GetService<ILoggerFactory>());
    }
}
