using Microsoft.Extensions.Configuration;
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
/// attempt once, redacted), the primary handler's automatic redirects are switched off (requests carry credentials),
/// and the innermost handler refuses any resend the client did not approve.</item>
/// <item>Options are validated when the host starts (<c>ValidateOnStart</c>) and when the runtime is created, with the
/// client's own <see cref="ClientConfigurationException"/>.</item>
/// <item>An <see cref="ISharedClientState"/> registered as a keyed singleton under the client's HTTP client name
/// (<see cref="HttpClientName"/>) becomes the options' <see cref="ClientOptions.SharedState"/> when they set none.</item>
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
    /// Registers one client: the options named <paramref name="name"/> (adding <paramref name="configure"/>, or using
    /// <paramref name="instance"/> as they are), and, the first time for that name, its runtime (a keyed singleton)
    /// and the named HTTP client whose chain the runtime builds. The caller then registers its client types, only
    /// when this returns <see langword="true"/>.
    /// </summary>
    /// <typeparam name="TOptions">The client's options.</typeparam>
    /// <typeparam name="TRuntime">The client's runtime.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="apiName">The API, for example <c>Pax8</c>.</param>
    /// <param name="name">The registration name; empty for the default one.</param>
    /// <param name="configure">Configuration of the options (the DI path); added on every call.</param>
    /// <param name="instance">Options the caller already built (the <c>Create()</c> path), or <see langword="null"/>.</param>
    /// <param name="createRuntime">Creates the runtime from the services and the options of that name.</param>
    /// <param name="baseAddress">The HTTP client's base address, from the runtime's options.</param>
    /// <param name="builder">The HTTP client builder, for the host's own settings.</param>
    /// <returns><see langword="true"/> when this call registered the name; <see langword="false"/> when it only added configuration.</returns>
    public static bool TryAdd<TOptions, TRuntime>(
        IServiceCollection services,
        string apiName,
        string name,
        Action<TOptions>? configure,
        TOptions? instance,
        Func<IServiceProvider, TOptions, TRuntime> createRuntime,
        Func<TRuntime, Uri> baseAddress,
        out IHttpClientBuilder builder)
        where TOptions : ClientOptions
        where TRuntime : ClientRuntime
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(createRuntime);
        var httpClientName = HttpClientName(apiName, name);
        if (instance is null)
        {
            var options = services.AddOptions<TOptions>(name);
            if (configure is not null)
            {
                options.Configure(configure);
            }

            if (IsRegistered<TRuntime>(services, name))
            {
                builder = services.AddHttpClient(httpClientName);
                return false;
            }

            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ClientOptionsValidator<TOptions>>());
            options.ValidateOnStart();
            services.AddKeyedSingleton(name, (provider, _) => createRuntime(provider, WithSharedState(provider, httpClientName, provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name))));
        }
        else if (IsRegistered<TRuntime>(services, name))
        {
            builder = services.AddHttpClient(httpClientName);
            return false;
        }
        else
        {
            services.AddKeyedSingleton(name, (provider, _) => createRuntime(provider, WithSharedState(provider, httpClientName, instance)));
        }

        builder = AddHttpClient(services, httpClientName, name, baseAddress);
        return true;
    }

    // An ISharedClientState registered under the client's HTTP client name (Tessera.Redis's UseRedis on the builder
    // this class returns) applies to options that name none: the builder knows the name, not the options type.
    private static TOptions WithSharedState<TOptions>(IServiceProvider provider, string httpClientName, TOptions options)
        where TOptions : ClientOptions
    {
        options.SharedState ??= provider.GetKeyedService<ISharedClientState>(httpClientName);
        return options;
    }

    /// <summary>Binds the options from <paramref name="configuration"/>, then applies <paramref name="configure"/>.</summary>
    /// <typeparam name="TOptions">The client's options.</typeparam>
    /// <param name="configuration">The client's configuration section, for example <c>Pax8</c>.</param>
    /// <param name="configure">Code configuration applied after binding, or <see langword="null"/>.</param>
    /// <returns>The configuration action.</returns>
    public static Action<TOptions> Bind<TOptions>(IConfiguration configuration, Action<TOptions>? configure)
        where TOptions : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return options =>
        {
            configuration.Bind(options);
            configure?.Invoke(options);
        };
    }

    /// <summary>
    /// Registers the named HTTP client <paramref name="httpClientName"/> whose handler chain is
    /// <typeparamref name="TRuntime"/>'s (for the registration <paramref name="name"/>) and whose base address it gives:
    /// for a client with a second HTTP client (Pax8's experimental API) beside the one <see cref="TryAdd"/> registers.
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
    /// A client's <c>Create()</c>: validates <paramref name="options"/>, registers the client exactly as dependency
    /// injection does (<paramref name="register"/>) into a private service collection over
    /// <paramref name="primaryHandler"/> (or a long-lived <see cref="SocketsHttpHandler"/>) that is never rotated, and
    /// resolves it.
    /// </summary>
    /// <typeparam name="TClient">The client type.</typeparam>
    /// <typeparam name="TOptions">The client's options.</typeparam>
    /// <param name="options">The options; validated here.</param>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    /// <param name="primaryHandler">The transport; tests pass an in-memory handler.</param>
    /// <param name="register">The client's registration over an options instance.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ClientConfigurationException">The options are invalid.</exception>
    public static TClient Create<TClient, TOptions>(TOptions options, ILoggerFactory? loggerFactory, HttpMessageHandler? primaryHandler, Action<IServiceCollection, TOptions> register)
        where TClient : class
        where TOptions : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(register);
        options.Validate();
        var services = new ServiceCollection();
        if (loggerFactory is not null)
        {
            services.AddSingleton(loggerFactory);
        }

        var transport = primaryHandler ?? CreatePrimaryHandler();
        services.ConfigureHttpClientDefaults(builder => builder
            .ConfigurePrimaryHttpMessageHandler(() => transport)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan));
        register(services, options);
        return services.BuildServiceProvider().GetRequiredService<TClient>();
    }

    /// <summary>
    /// The default transport of a long-lived client: notices DNS changes, decompresses (the client's
    /// <see cref="ClientOptions.MaxResponseBytes"/> bounds the decompressed body), never follows redirects (requests carry
    /// credentials; a redirect becomes <see cref="Errors.RedirectRefusedException"/>).
    /// </summary>
    /// <returns>A new handler.</returns>
    public static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        AllowAutoRedirect = false,
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
