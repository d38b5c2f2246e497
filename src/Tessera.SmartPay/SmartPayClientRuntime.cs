using System.Threading.RateLimiting;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Diagnostics;
using Tessera.Core.Resilience;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tessera.SmartPay;

/// <summary>
/// The state one configured SmartPay client shares across all its HTTP requests: the session token provider
/// (single-flight, cached until shortly before <c>expires_on</c>), the rate limiter and the secret redactor. DI
/// registers one per <c>AddSmartPayClient</c>; <see cref="SmartPayClient.Create"/> builds one per client.
/// </summary>
internal sealed class SmartPayClientRuntime : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public SmartPayClientRuntime(SmartPayClientOptions options, Func<SmartPayClient> tokenClientFactory, ILoggerFactory? loggerFactory, IDistributedCache? distributedCache)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Redactor = new SecretRedactor();
        foreach (var secret in new[] { options.ApiKey, options.WebhookKey })
        {
            Redactor.AddSecret(secret);
            SecretRedactor.Shared.AddSecret(secret);
        }

        RateLimiter = options.RequestsPerMinute > 0 ? ClientRateLimiters.PerMinute(options.RequestsPerMinute) : null;
        var tokenSource = new SmartPayTokenSource(tokenClientFactory, options, Redactor);
        TokenProvider = new CachingTokenProvider(
            tokenSource.AcquireAsync,
            CreateTokenCache(options, distributedCache),
            tokenSource.CacheKey,
            new TokenProviderOptions
            {
                TimeProvider = options.TimeProvider,
                RefreshMargin = options.RefreshMargin,
                Lifetime = SmartPayTokenSource.Lifetime,
                Logger = _loggerFactory.CreateLogger("Tessera.SmartPay.Authentication"),
                Redactor = Redactor,
            });
    }

    public SmartPayClientOptions Options { get; }

    public SecretRedactor Redactor { get; }

    public RateLimiter? RateLimiter { get; }

    public IAccessTokenProvider TokenProvider { get; }

    /// <summary>
    /// The handler chain, outermost first: telemetry (one span per call, replay included), session token (inject,
    /// re-authenticate and replay once), envelope (errors in 200 → exception, warnings → log), then per HTTP
    /// exchange: logging (redacted), resilience, rate limit.
    /// </summary>
    public IEnumerable<DelegatingHandler> CreateHandlers()
    {
        yield return new TelemetryHandler();
        yield return new SessionTokenHandler(TokenProvider, _loggerFactory.CreateLogger("Tessera.SmartPay.Authentication"));
        yield return new SmartPayEnvelopeHandler(_loggerFactory.CreateLogger("Tessera.SmartPay"), Redactor, Options.OnWarnings);
        yield return new HttpLoggingHandler(_loggerFactory.CreateLogger("Tessera.SmartPay.Http"), Redactor);
        yield return new ResilienceHandler(Options.Resilience);
        if (RateLimiter is not null)
        {
            yield return new RateLimitingHandler(RateLimiter);
        }
    }

    public void Dispose() => RateLimiter?.Dispose();

    private static ITokenCache CreateTokenCache(SmartPayClientOptions options, IDistributedCache? distributedCache)
    {
        if (options.TokenCacheInstance is not null)
        {
            return options.TokenCacheInstance;
        }

        return options.TokenCache switch
        {
            SmartPayTokenCacheKind.File => new FileTokenCache(new FileTokenCacheOptions
            {
                Path = options.TokenCacheFile ?? Path.Combine("~", ".tessera", "smartpay-tokens.json"),
                EncryptionKey = options.TokenCacheEncryptionKey is null ? null : Convert.FromBase64String(options.TokenCacheEncryptionKey),
                TimeProvider = options.TimeProvider,
            }),
            SmartPayTokenCacheKind.Distributed => new DistributedTokenCache(
                distributedCache ?? throw new SmartPayConfigurationException("TokenCache is Distributed but no IDistributedCache is registered.")),
            _ => new MemoryTokenCache(),
        };
    }
}
