using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;

namespace Tessera.Pax8;

/// <content>Construction without dependency injection.</content>
public partial class Pax8Client
{
    /// <summary>
    /// Creates a ready-to-use client without dependency injection: client-credentials handshake, token cache, retries,
    /// rate limiting and redacting logs, through the same registration as <c>AddPax8Client</c>. Keep the instance for
    /// the lifetime of the application.
    /// </summary>
    /// <param name="options">Credentials and settings; validated here.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="primaryHandler">Optional transport (tests pass an in-memory handler).</param>
    /// <returns>The client.</returns>
    /// <exception cref="ClientConfigurationException">The options are incomplete.</exception>
    public static Pax8Client Create(Pax8ClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null) =>
        ClientRegistration.Create<Pax8Client, Pax8ClientOptions>(options, loggerFactory, primaryHandler, (services, instance) => Microsoft.Extensions.DependencyInjection.Pax8ServiceCollectionExtensions.Register(services, string.Empty, configure: null, instance));
}
