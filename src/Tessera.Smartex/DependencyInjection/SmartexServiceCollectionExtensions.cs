using Tessera.Smartex;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Smartex client with dependency injection.</summary>
public static class SmartexServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the Smartex client uses.</summary>
    public const string HttpClientName = "Tessera.Smartex";

    /// <summary>
    /// Registers <see cref="ISmartexClient"/> / <see cref="SmartexClient"/>, <see cref="SmartexPairing"/>,
    /// <see cref="SmartexTokenStore"/> and <see cref="SmartexIpn"/> with options bound from
    /// <paramref name="configuration"/> (for example the <c>Smartex</c> section: BaseUrl, KeyFile, TokenStoreFile, …).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="SmartexClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, IConfiguration configuration, Action<SmartexClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSmartexClient(options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers the Smartex client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="SmartexClientOptions"/>.</param>
    /// <returns>The HTTP client builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddSmartexClient(this IServiceCollection services, Action<SmartexClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SmartexClientOptions>().Configure(configure);
        services.TryAddSingleton(provider => new SmartexClientRuntime(
            provider.GetRequiredService<IOptions<SmartexClientOptions>>().Value,
            provider.GetService<ILoggerFactory>()));

        var builder = services.AddHttpClient(HttpClientName, (provider, http) =>
        {
            http.BaseAddress = Tessera.Core.Http.HttpPipeline.WithTrailingSlash(provider.GetRequiredService<SmartexClientRuntime>().Options.BaseUrl);
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddTypedClient((http, provider) => SmartexClient.CreateWithRuntime(http, provider.GetRequiredService<SmartexClientRuntime>()));

        // Handlers are recreated with each pooled primary handler; the state they share (identity, token store,
        // rate limiter, redactor) lives in the singleton runtime.
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            foreach (var handler in provider.GetRequiredService<SmartexClientRuntime>().CreateHandlers())
            {
                handlers.Add(handler);
            }
        });

        services.TryAddTransient<ISmartexClient>(provider => provider.GetRequiredService<SmartexClient>());
        services.TryAddTransient(provider => provider.GetRequiredService<SmartexClient>().Pairing);
        services.TryAddSingleton(provider => provider.GetRequiredService<SmartexClientRuntime>().TokenStore);
        services.TryAddTransient(provider => new SmartexIpn(provider.GetRequiredService<SmartexClient>()));
        return builder;
    }
}
