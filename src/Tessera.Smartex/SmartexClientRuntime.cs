using System.Threading.RateLimiting;
using Tessera.Core.Diagnostics;
using Tessera.Core.Resilience;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tessera.Smartex;

/// <summary>
/// The state one configured Smartex client shares across all its HTTP requests: the identity, the token store, the
/// rate limiter and the secret redactor. DI registers one per <c>AddSmartexClient</c>; <see cref="SmartexClient.Create"/>
/// builds one per client.
/// </summary>
internal sealed class SmartexClientRuntime : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public SmartexClientRuntime(SmartexClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        var logger = _loggerFactory.CreateLogger("Tessera.Smartex");
        Redactor = new SecretRedactor();
        Redactor.AddSensitiveName("pairingCode");
        Identity = options.Identity ?? SmartexIdentityFile.LoadOrCreate(options, logger);
        TokenStore = new SmartexTokenStore(
            options.Identity is not null && options.TokenStoreFile is null ? null : options.ResolveTokenStoreFile(),
            Identity.Sin,
            logger,
            Redactor);
        RateLimiter = options.RequestsPerMinute > 0 ? ClientRateLimiters.PerMinute(options.RequestsPerMinute) : null;
        IpnRefetcher = new Ipn.SmartexIpnRefetcher(options.Ipn, options.TimeProvider);
    }

    public SmartexClientOptions Options { get; }

    public SmartexIdentity Identity { get; }

    public SmartexTokenStore TokenStore { get; }

    public SecretRedactor Redactor { get; }

    public RateLimiter? RateLimiter { get; }

    /// <summary>The re-fetch budget and coalescing every <see cref="Ipn.SmartexIpn"/> of this client shares.</summary>
    public Ipn.SmartexIpnRefetcher IpnRefetcher { get; }

    /// <summary>
    /// The handler chain, outermost first: telemetry, error envelope, logging, resilience, rate limit, facade token,
    /// signing. Signing is innermost so the signature covers the exact URL and body bytes sent; the facade token
    /// handler runs just before it because it changes both.
    /// </summary>
    public IEnumerable<DelegatingHandler> CreateHandlers()
    {
        yield return new TelemetryHandler(Redactor);
        yield return new SmartexErrorEnvelopeHandler();
        yield return new HttpLoggingHandler(_loggerFactory.CreateLogger("Tessera.Smartex.Http"), Redactor, Options.TimeProvider);
        yield return new ResilienceHandler(Options.Resilience);
        yield return new RateLimitingHandler(RateLimiter); // also where IPN re-fetches are charged to their own budget

        yield return new SmartexFacadeTokenHandler(TokenStore);
        yield return new SmartexSigningHandler(Identity);
    }

    public void Dispose()
    {
        RateLimiter?.Dispose();
        IpnRefetcher.Dispose();
    }
}
