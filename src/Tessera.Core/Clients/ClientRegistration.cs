using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tessera.Core.Clients;

/// <summary>
/// The one way a client is wired, used by each client's <c>AddXxxClient</c> and by its <c>Create()</c> (which
/// registers into a private service collection): options per name, one runtime per name, named HTTP clients whose
/// handler chain the runtime builds, and the client types, keyed by name (the default name also unkeyed).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Idempotent: registering the same name again only adds its configuration; it never adds a second handler chain.</item>
/// <item>The chain is appended after everything the host configured (<c>ConfigureHttpClientDefaults</c> included), so
/// handlers the host adds run outside it, once per call. A resilience handler the host put on every client is removed
/// from ours (ours decides what may be resent), IHttpClientFactory's default loggers are removed (the client logs each
/// attempt once, redacted), and the innermost handler refuses any resend the client did not approve.</item>
/// <item>Options are validated when the host starts (<c>ValidateOnStart</c>) and when the runtime is created, with the
/// client's own <see cref="ClientConfigurationException"/>.</item>
/// </list>
/// </remarks>
public static class ClientRegistration
{
    /// <summary>The name of the HTTP client of <paramref name="apiName"/>'s registration <paramref name="name"/>.</summary>
    /// <param name="apiName">For example <c>Pax8</c>.</param>
    /// <param name="name">The registration name; <see cref="Options.DefaultName"/> (empty) for the default one.</param>
    /// <returns><c>Tessera.Pax8</c> for the default registration, <c>Tessera.Pax8.partner-a</c> for a named one.</returns>
    public static string HttpClientName(string apiName, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiName);
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? $"Tessera.{apiName}" : $"Tessera.{apiName}.{name}";
    }

    /// <summary>
    /// Registers the options named <paramref name="name"/> (adding <paramref name="configure"/>) and, the first time,
    /// the runtime for that name (a keyed singleton).
    /// </summary>
    /// <typeparam name="TOptions">The client's options.</typeparam>
    /// <typeparam name="TRuntime">The client's runtime.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="configure">Configuration of the options; added on every call.</param>
    /// <param name="createRuntime">Creates the runtime from the services and the options of that name.</param>
    /// <returns><see langword="true"/> when this call registered the name; <see langword="false"/> when it was registered already.</returns>
    public static bool AddRuntime<TOptions, TRuntime>(IServiceCollection services, string name, Action<TOptions>? configure, Func<IServiceProvider, TOptions, TRuntime> createRuntime)
        where TOptions : ClientOptions
        where TRuntime : ClientRuntime
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(createRuntime);
        var options = services.AddOptions<TOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (IsRegistered<TRuntime>(services, name))
        {
            return false;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ClientOptionsValidator<TOptions>>());
        options.ValidateOnStart();
        services.AddKeyedSingleton(name, (provider, _) => createRuntime(provider, provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)));
        return true;
    }

    /// <summary>Registers a runtime over an options instance the caller already built (the path of <c>Create()</c>).</summary>
    /// <typeparam name="TOptions">The client's options.</typeparam>
    /// <typeparam name="TRuntime">The client's runtime.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options; validated when the runtime is created.</param>
    /// <param name="createRuntime">Creates the runtime.</param>
    /// <returns><see langword="true"/> when this call registered the name.</returns>
    public static bool AddRuntime<TOptions, TRuntime>(IServiceCollection services, string name, TOptions options, Func<IServiceProvider, TOptions, TRuntime> createRuntime)
        where TOptions : ClientOptions
        where TRuntime : ClientRuntime
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createRuntime);
        if (IsRegistered<TRuntime>(services, name))
        {
            return false;
        }

        services.AddKeyedSingleton(name, (provider, _) => createRuntime(provider, options));
        return true;
    }

    /// <summary>
    /// Registers the named HTTP client <paramref name="httpClientName"/> whose handler chain is
    /// <typeparamref name="TRuntime"/>'s (for the registration <paramref name="name"/>) and whose base address it gives.
    /// </summary>
    /// <typeparam name="TRuntime">The client's runtime.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="httpClientName">The HTTP client's name (see <see cref="HttpClientName"/>).</param>
    /// <param name="name">The registration name of the runtime.</param>
    /// <param name="baseAddress">The base address, from the runtime's options.</param>
    /// <returns>The builder, for the host's own settings (primary handler, extra handlers that run once per call).</returns>
    public static IHttpClientBuilder AddHttpClient<TRuntime>(IServiceCollection services, string httpClientName, string name, Func<TRuntime, Uri> baseAddress)
        where TRuntime : ClientRuntime
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(httpClientName);
        ArgumentNullException.ThrowIfNull(baseAddress);
        var builder = services.AddHttpClient(httpClientName, (provider, http) =>
        {
            http.BaseAddress = WithTrailingSlash(baseAddress(provider.GetRequiredKeyedService<TRuntime>(name)));

            // Timeouts are the resilience pipeline's (attempt and total); HttpClient's own would end retries early.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        // IHttpClientFactory's default loggers write four more Information lines per call, unredacted URLs included.
        builder.RemoveAllLoggers();
        services.AddSingleton(new ClientPipelineRegistration(httpClientName, provider => provider.GetRequiredKeyedService<TRuntime>(name)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ClientPipelineFilter>());
        return builder;
    }

    /// <summary>
    /// Registers <typeparamref name="TService"/> for the registration <paramref name="name"/> as a keyed transient service
    /// and, for the default name, also unkeyed (without replacing one already registered).
    /// </summary>
    /// <typeparam name="TService">The service type, for example <c>IPax8Client</c>.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="factory">Creates the service for that name.</param>
    public static void AddClient<TService>(IServiceCollection services, string name, Func<IServiceProvider, TService> factory)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddKeyedTransient(name, (provider, _) => factory(provider));
        if (name.Length == 0)
        {
            services.TryAddTransient(factory);
        }
    }

    /// <summary>
    /// A private service collection for a client's <c>Create()</c>: the same registration as dependency injection, over
    /// <paramref name="primaryHandler"/> (or a long-lived <see cref="SocketsHttpHandler"/>) that is never rotated.
    /// </summary>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    /// <param name="primaryHandler">The transport; tests pass an in-memory handler.</param>
    /// <returns>The services to register the client into.</returns>
    public static IServiceCollection CreateStandaloneServices(ILoggerFactory? loggerFactory, HttpMessageHandler? primaryHandler)
    {
        var services = new ServiceCollection();
        if (loggerFactory is not null)
        {
            services.AddSingleton(loggerFactory);
        }

        var transport = primaryHandler ?? CreatePrimaryHandler();
        services.ConfigureHttpClientDefaults(builder => builder
            .ConfigurePrimaryHttpMessageHandler(() => transport)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan));
        return services;
    }

    /// <summary>The default transport of a long-lived client: notices DNS changes, decompresses.</summary>
    /// <returns>A new handler.</returns>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };

    /// <summary>Relative operation paths resolve under a base address only when it ends with '/'.</summary>
    /// <param name="uri">A base address.</param>
    /// <returns>The address with a trailing slash.</returns>
    public static Uri WithTrailingSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static bool IsRegistered<TRuntime>(IServiceCollection services, string name) =>
        services.Any(descriptor => descriptor.ServiceType == typeof(TRuntime) && descriptor.IsKeyedService && Equals(descriptor.ServiceKey, name));
}
