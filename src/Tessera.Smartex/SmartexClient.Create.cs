using Tessera.Smartex.Identity;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tokens;
using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;

namespace Tessera.Smartex;

/// <content>Construction without dependency injection, and the identity, token store and pairing of the client.</content>
public partial class SmartexClient
{
    private SmartexClientRuntime? _runtime;

    /// <summary>
    /// The client identity that signs requests (its SIN is what gets paired). Available on clients built by
    /// <see cref="Create"/> or <c>AddSmartexClient</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The client was constructed directly from an <see cref="HttpClient"/>.</exception>
    public SmartexIdentity Identity => Runtime.Identity;

    /// <summary>The paired facade tokens.</summary>
    /// <exception cref="InvalidOperationException">The client was constructed directly from an <see cref="HttpClient"/>.</exception>
    public SmartexTokenStore Tokens => Runtime.TokenStore;

    /// <summary>Pairing this client's identity with facade tokens.</summary>
    /// <exception cref="InvalidOperationException">The client was constructed directly from an <see cref="HttpClient"/>.</exception>
    public SmartexPairing Pairing => new(this, Runtime.Identity, Runtime.TokenStore, Runtime.Options.BaseUrl, Runtime.Options.TimeProvider);

    internal SmartexClientRuntime Runtime => _runtime
        ?? throw new InvalidOperationException("This SmartexClient has no identity or token store; build it with SmartexClient.Create or AddSmartexClient.");

    /// <summary>
    /// Creates a ready-to-use client without dependency injection: loads (or creates) the identity key, loads the
    /// token store, and wires facade-token injection, signing, retries, rate limiting and redacting logs through the same registration as
    /// <c>AddSmartexClient</c>. Keep the instance for the lifetime of the application.
    /// </summary>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="primaryHandler">Optional transport (tests pass an in-memory handler).</param>
    /// <returns>The client.</returns>
    /// <exception cref="ClientConfigurationException">The options are invalid or the key file cannot be used.</exception>
    public static SmartexClient Create(SmartexClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null) =>
        ClientRegistration.Create<SmartexClient, SmartexClientOptions>(options, loggerFactory, primaryHandler, (services, instance) => Microsoft.Extensions.DependencyInjection.SmartexServiceCollectionExtensions.Register(services, string.Empty, configure: null, instance));

    internal static SmartexClient CreateWithRuntime(HttpClient httpClient, SmartexClientRuntime runtime) => new(httpClient) { _runtime = runtime };
}
