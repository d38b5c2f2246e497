using Tessera.SmartPay;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SmartPay API v1.2 client with dependency injection.</summary>
public static class SmartPayServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the SmartPay client uses.</summary>
    public const string HttpClientName = "Tessera.SmartPay";

    /// <summary>
    /// Registers <see cref="ISmartPayClient"/> / <see cref="SmartPayClient"/> with options bound from
    /// <paramref name="configuration"/> (for example the <c>SmartPay</c> section: ApiKey, BaseUrl, TokenCache,
    /// RequestsPerMinute, WebhookKey, …).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section holding <see cref="SmartPayClientOptions"/>.</param>
    /// <param name="configure">Optional code configuration applied after binding.</param>
    /// <returns>The HTTP client builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, IConfiguration configuration, Action<SmartPayClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSmartPayClient(options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Registers the SmartPay client with options set in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="SmartPayClientOptions"/>.</param>
    /// <returns>The HTTP client builder, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddSmartPayClient(this IServiceCollection services, Action<SmartPayClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SmartPayClientOptions>().Configure(configure);
        services.TryAddSingleton(provider => new SmartPayClientRuntime(
            provider.GetRequiredService<IOptions<SmartPayClientOptions>>().Value,
            () => new SmartPayClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IDistributedCache>()));

        var builder = services.AddHttpClient<SmartPayClient>(HttpClientName, (provider, http) =>
        {
            http.BaseAddress = Tessera.Core.Http.HttpPipeline.WithTrailingSlash(provider.GetRequiredService<SmartPayClientRuntime>().Options.BaseUrl);
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        // Handlers are recreated with each pooled primary handler; the state they share
        // (token provider, rate limiter, redactor) lives in the singleton runtime.
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            foreach (var handler in provider.GetRequiredService<SmartPayClientRuntime>().CreateHandlers())
            {
                handlers.Add(handler);
            }
        });
        services.TryAddTransient<ISmartPayClient>(provider => provider.GetRequiredService<SmartPayClient>());
        return builder;
    }
}
