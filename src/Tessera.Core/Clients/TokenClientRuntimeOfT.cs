using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Tessera.Core.Auth;
using Tessera.Core.Caching;

namespace Tessera.Core.Clients;

/// <summary>
/// The runtime of a client that exchanges a credential for tokens: on top of <see cref="ClientRuntime"/>, the token
/// cache its options choose and one single-flight <see cref="IAccessTokenProvider"/> over the client's
/// <see cref="TokenSource"/>. With <see cref="ClientOptions.SharedState"/>, the cache and the acquisition lock are the
/// shared state's (unless <see cref="TokenClientOptions.TokenCacheInstance"/> is set).
/// </summary>
/// <typeparam name="TOptions">The client's options.</typeparam>
public abstract class TokenClientRuntime<TOptions> : ClientRuntime<TOptions>
    where TOptions : TokenClientOptions
{
    private readonly Lazy<IAccessTokenProvider> _tokenProvider;
    private readonly IDistributedCache? _distributedCache;
    private readonly string _defaultCacheFileName;

    /// <summary>Validates the options and prepares the token cache.</summary>
    /// <param name="apiName">The API name.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="loggerFactory">Where logs go.</param>
    /// <param name="distributedCache">The application's distributed cache, for <see cref="TokenCacheKind.Distributed"/>.</param>
    /// <param name="defaultCacheFileName">The cache file name under <c>~/.tessera/</c> when none is configured.</param>
    /// <param name="configuredSecrets">The secrets in the options (see <see cref="ClientRuntime"/>).</param>
    protected TokenClientRuntime(string apiName, TOptions options, ILoggerFactory? loggerFactory, IDistributedCache? distributedCache, string defaultCacheFileName, params string?[] configuredSecrets)
        : base(apiName, options, loggerFactory, configuredSecrets)
    {
        ArgumentException.ThrowIfNullOrEmpty(defaultCacheFileName);
        if (options.TokenCache == TokenCacheKind.Distributed && options.TokenCacheInstance is null && options.SharedState is null && distributedCache is null)
        {
            throw new ClientConfigurationException(
                apiName,
                $"Invalid {apiName} client options: TokenCache is Distributed but no IDistributedCache is registered (add one, for example AddStackExchangeRedisCache, or choose Memory or File).");
        }

        _distributedCache = distributedCache;
        _defaultCacheFileName = defaultCacheFileName;
        _tokenProvider = new Lazy<IAccessTokenProvider>(CreateTokenProvider, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Hands out the cached token, acquiring it once for all concurrent callers.</summary>
    public IAccessTokenProvider TokenProvider => _tokenProvider.Value;

    /// <summary>The client's handshake (created once, on first use).</summary>
    /// <returns>The source.</returns>
    protected abstract TokenSource CreateTokenSource();

    private IAccessTokenProvider CreateTokenProvider()
    {
        var source = CreateTokenSource();
        return new CachingTokenProvider(
            source.AcquireAsync,
            CreateTokenCache(),
            source.CacheKey,
            new TokenProviderOptions
            {
                TimeProvider = Options.TimeProvider,
                RefreshMargin = Options.RefreshMargin,
                Lifetime = source.Lifetime,
                Logger = CreateLogger("Authentication"),
                Redactor = Redactor,
                AcquisitionLock = SharedStateContext is { } shared ? Options.SharedState!.CreateTokenLock(shared) : null,
            });
    }

    private ITokenCache CreateTokenCache()
    {
        if (Options.TokenCacheInstance is { } instance)
        {
            return instance;
        }

        if (SharedStateContext is { } shared)
        {
            return Options.SharedState!.CreateTokenCache(shared);
        }

        return Options.TokenCache switch
        {
            TokenCacheKind.File => new FileTokenCache(new FileTokenCacheOptions
            {
                Path = Options.TokenCacheFile ?? Path.Combine("~", ".tessera", _defaultCacheFileName),
                EncryptionKey = Options.TokenCacheEncryptionKey is null ? null : Convert.FromBase64String(Options.TokenCacheEncryptionKey),
                TimeProvider = Options.TimeProvider,
                Logger = CreateLogger("TokenCache"),
            }),
            TokenCacheKind.Distributed => Options.TokenCacheEncryptionKey is { } key
                ? new DistributedTokenCache(_distributedCache!, Convert.FromBase64String(key))
                : new DistributedTokenCache(_distributedCache!),
            _ => new MemoryTokenCache(),
        };
    }
}
