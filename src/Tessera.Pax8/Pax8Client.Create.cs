using Microsoft.Extensions.Logging;

namespace Tessera.Pax8;

/// <content>Construction without dependency injection.</content>
public partial class Pax8Client
{
    /// <summary>
    /// Creates a ready-to-use client without dependency injection: client-credentials handshake,
    /// token cache, retries, rate limiting and redacting logs, exactly as <c>AddPax8Client</c> wires them.
    /// Keep the instance for the lifetime of the application.
    /// </summary>
    /// <param name="options">Credentials and settings; validated here.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="primaryHandler">Optional transport (tests pass an in-memory handler).</param>
    /// <returns>The client.</returns>
    /// <exception cref="Pax8ConfigurationException">The options are incomplete.</exception>
    public static Pax8Client Create(Pax8ClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Pax8Client? client = null;
        var runtime = new Pax8ClientRuntime(options, () => client!, loggerFactory, distributedCache: null);
        var httpClient = new HttpClient(Tessera.Core.Http.HttpPipeline.Chain(runtime.CreateHandlers(), primaryHandler ?? Tessera.Core.Http.HttpPipeline.CreatePrimaryHandler()))
        {
            BaseAddress = Tessera.Core.Http.HttpPipeline.WithTrailingSlash(options.BaseUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client = new Pax8Client(httpClient);
        return client;
    }
}
