using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;

namespace Tessera.Pax8.Webhooks;

/// <content>Construction without dependency injection.</content>
public partial class Pax8WebhooksClient
{
    /// <summary>
    /// Creates a ready-to-use webhooks client without dependency injection, through the same registration as
    /// <c>AddPax8Client</c>. An application that also calls the Partner API should use
    /// <see cref="Pax8Client.Webhooks"/> of its <see cref="Pax8Client"/> instead, which shares one token and one rate
    /// budget; this creates a registration of its own. Keep the instance for the lifetime of the application.
    /// </summary>
    /// <param name="options">Credentials and settings (<see cref="Pax8ClientOptions.WebhooksBaseUrl"/>); validated here.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="primaryHandler">Optional transport (tests pass an in-memory handler).</param>
    /// <returns>The client.</returns>
    /// <exception cref="ClientConfigurationException">The options are incomplete.</exception>
    public static Pax8WebhooksClient Create(Pax8ClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null) =>
        Pax8Client.Create(options, loggerFactory, primaryHandler).Webhooks;
}
