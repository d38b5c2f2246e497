using Microsoft.Extensions.Logging;

namespace Tessera.SmartPay;

/// <content>Construction without dependency injection.</content>
public partial class SmartPayClient
{
    /// <summary>
    /// Creates a ready-to-use client without dependency injection: api_key handshake with a cached session token
    /// injected into every body, errors-in-200 as exceptions, retries of the safe operations, rate limiting and
    /// redacting logs, exactly as <c>AddSmartPayClient</c> wires them. Keep the instance for the lifetime of the
    /// application.
    /// </summary>
    /// <param name="options">The api_key and settings; validated here.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="primaryHandler">Optional transport (tests pass an in-memory handler).</param>
    /// <returns>The client.</returns>
    /// <exception cref="SmartPayConfigurationException">The options are incomplete.</exception>
    public static SmartPayClient Create(SmartPayClientOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SmartPayClient? client = null;
        var runtime = new SmartPayClientRuntime(options, () => client!, loggerFactory, distributedCache: null);
        var httpClient = new HttpClient(Tessera.Core.Http.HttpPipeline.Chain(runtime.CreateHandlers(), primaryHandler ?? Tessera.Core.Http.HttpPipeline.CreatePrimaryHandler()))
        {
            BaseAddress = Tessera.Core.Http.HttpPipeline.WithTrailingSlash(options.BaseUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client = new SmartPayClient(httpClient);
        return client;
    }
}
