using System.Threading.RateLimiting;
using Tessera.Pax8.Authentication;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Diagnostics;
using Tessera.Core.Resilience;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tessera.Pax8;

/// <summary>
/// The state one configured Pax8 client shares across all its HTTP requests: the token provider
/// (single-flight, cached), the rate limiter and the secret redactor. DI registers one per
/// <c>AddPax8Client</c>; <see cref="Pax8Client.Create"/> builds one per client.
/// </summary>
internal sealed class Pax8ClientRuntime : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public Pax8ClientRuntime(Pax8ClientOptions options, Func<Pax8Client> tokenClientFactory, ILoggerFactory? loggerFactory, IDistributedCache? distributedCache)
    {
        options.Validate();
        Options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Redactor = new SecretRedactor();
        Redactor.AddSecret(options.ClientSecret!);
        SecretRedactor.Shared.AddSecret(options.ClientSecret!);
        RateLimiter = options.RequestsPerMinute > 0 ? ClientRateLimiters.PerMinute(options.RequestsPerMinute) : null;
        var tokenSource = new Pax8TokenSource(tokenClientFactory, options, Redactor);
        TokenProvider = new CachingTokenProvider(
            tokenSource.AcquireAsync,
            CreateTokenCache(options, distributedCache),
            tokenSource.CacheKey,
            new TokenProviderOptions
            {
                TimeProvider = options.TimeProvider,
                Lifetime = Pax8TokenSource.Lifetime,
                Logger = _loggerFactory.CreateLogger("Tessera.Pax8.Authentication"),
                Redactor = Redactor,
            });
    }

    public Pax8ClientOptions Options { get; }

    public SecretRedactor Redactor { get; }

    public RateLimiter? RateLimiter { get; }

    public IAccessTokenProvider TokenProvider { get; }

    /// <summary>The handler chain, outermost first: telemetry, logging, resilience, rate limit, token endpoint, bearer token.</summary>
    public IEnumerable<DelegatingHandler> CreateHandlers()
    {
        yield return new TelemetryHandler();
        yield return new HttpLoggingHandler(_loggerFactory.CreateLogger("Tessera.Pax8.Http"), Redactor);
        yield return new ResilienceHandler(Options.Resilience);
        if (RateLimiter is not null)
        {
            yield return new RateLimitingHandler(RateLimiter);
        }

        yield return new TokenEndpointHandler(Options.TokenUrl);
        yield return new BearerTokenHandler(TokenProvider);
    }

    public void Dispose() => RateLimiter?.Dispose();

    private static ITokenCache CreateTokenCache(Pax8ClientOptions options, IDistributedCache? distributedCache)
    {
        if (options.TokenCacheInstance is not null)
        {
            return options.TokenCacheInstance;
        }

        return options.TokenCache switch
        {
            Pax8TokenCacheKind.File => new FileTokenCache(new FileTokenCacheOptions
            {
                Path = options.TokenCacheFile ?? Path.Combine("~", ".tessera", "pax8-tokens.json"),
                EncryptionKey = options.TokenCacheEncryptionKey is null ? null : Convert.FromBase64String(options.TokenCacheEncryptionKey),
                TimeProvider = options.TimeProvider,
            }),
            Pax8TokenCacheKind.Distributed => new DistributedTokenCache(
                distributedCache ?? throw new Pax8ConfigurationException("TokenCache is Distributed but no IDistributedCache is registered.")),
            _ => new MemoryTokenCache(),
        };
    }
}
