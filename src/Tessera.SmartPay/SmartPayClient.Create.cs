using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;

namespace Tessera.SmartPay;

/// <content>Construction without dependency injection.</content>
public partial class SmartPayClient
{
    /// <summary>
    /// Creates a ready-to-use client without dependency injection: api_key handshake with a cached session token
    /// injected into every body, errors-in-200 as exceptions, retries of the safe operations, rate limiting and
    /// redacting logs, through the same registration as <c>AddSmartPayClient</c>. Keep the instance for the lifetime
    /// of the application.
    /// </summary>
    /// <param name="options">The api_key and settings; validated here.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="primaryHandler">Optional transport (tests pass an in-memory handler).</param>
    /// <returns>The client.</returns>
    /// <exception cref="ClientConfigurationException">The options are incomplete.</exception>
    public static SmartPayClient Create(SmartPayClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null) =>
        ClientRegistration.Create<SmartPayClient, SmartPayClientOptions>(options, loggerFactory, primaryHandler, (services, instance) => Microsoft.Extensions.DependencyInjection.SmartPayServiceCollectionExtensions.Register(services, string.Empty, configure: null, instance));
}
