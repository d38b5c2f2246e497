using Tessera.Pax8;
using Tessera.Pax8.Experimental;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Pax8 Partner API client with dependency injection.</summary>
public static class Pax8ServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the Pax8 client uses.</summary>
    public const string HttpClientName = "Tessera.Pax8";

    /// <summary>The name of the <see cref="HttpClient"/> of the experimental (undocumented) client.</summary>
    public const string ExperimentalHttpClientName = "Tessera.Pax8.Experimental";

    /// <summary>
    /// Registers <see cref="IPax8Client"/> / <see cref="Pax8Client"/> (and the experimental
    /// <see cref="IPax8ExperimentalClient"/>) with options bound from <paramref name="configuration"/>
    /// (for example the <c>Pax8</c> section: ClientId, ClientSecret, BaseUrl, TokenUrl, TokenCache, …).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="Pax8ClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, IConfiguration configuration, Action<Pax8ClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddPax8Client(options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers the Pax8 client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="Pax8ClientOptions"/>.</param>
    /// <returns>The HTTP client builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddPax8Client(this IServiceCollection services, Action<Pax8ClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<Pax8ClientOptions>().Configure(configure);
        services.TryAddSingleton(provider => new Pax8ClientRuntime(
            provider.GetRequiredService<IOptions<Pax8ClientOptions>>().Value,
            () => new Pax8Client(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IDistributedCache>()));

        var builder = services.AddHttpClient<Pax8Client>(HttpClientName, (provider, http) =>
        {
            http.BaseAddress = Tessera.Core.Http.HttpPipeline.WithTrailingSlash(provider.GetRequiredService<Pax8ClientRuntime>().Options.BaseUrl);
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        AddHandlers(builder);
        services.TryAddTransient<IPax8Client>(provider => provider.GetRequiredService<Pax8Client>());

        var experimental = services.AddHttpClient<Pax8ExperimentalClient>(ExperimentalHttpClientName, (provider, http) =>
        {
            http.BaseAddress = Tessera.Core.Http.HttpPipeline.WithTrailingSlash(provider.GetRequiredService<Pax8ClientRuntime>().Options.ExperimentalBaseUrl);
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        AddHandlers(experimental);
        services.TryAddTransient<IPax8ExperimentalClient>(provider => provider.GetRequiredService<Pax8ExperimentalClient>());

        return builder;
    }

    private static void AddHandlers(IHttpClientBuilder builder)
    {
        // Handlers are recreated with each pooled primary handler; the state they share
        // (token provider, rate limiter, redactor) lives in the singleton runtime.
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            foreach (var handler in provider.GetRequiredService<Pax8ClientRuntime>().CreateHandlers())
            {
                handlers.Add(handler);
            }
        });
    }
}
