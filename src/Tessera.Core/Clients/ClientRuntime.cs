using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Tessera.Core.Diagnostics;
using Tessera.Core.Pipeline;
using Tessera.Core.Resilience;

namespace Tessera.Core.Clients;

/// <summary>
/// The state one configured client shares across all its requests and handler chains: its options, redactor, rate
/// limiter and resilience pipeline (so a circuit opened through one chain stays open in the next one
/// IHttpClientFactory creates). A client's runtime derives from this, adds what its API needs (token provider,
/// identity) and names its handlers in <see cref="ConfigurePipeline"/>. Dependency injection keeps one per registered
/// name; <c>Create()</c> builds one per client.
/// </summary>
public abstract class ClientRuntime : IDisposable
{
    private readonly List<string> _configuredSecrets = [];
    private bool _disposed;

    /// <summary>Validates <paramref name="options"/> and creates the shared state.</summary>
    /// <param name="apiName">The API, as in operation descriptors and logger categories (<c>Pax8</c>).</param>
    /// <param name="options">The client's options.</param>
    /// <param name="loggerFactory">Where logs go; none when <see langword="null"/>.</param>
    /// <param name="configuredSecrets">
    /// The secrets in the options (client secret, API key): redacted from this client's logs and, for exception
    /// messages, registered with <see cref="SecretRedactor.Shared"/> for as long as this runtime lives.
    /// </param>
    /// <exception cref="ClientConfigurationException">The options are invalid.</exception>
    protected ClientRuntime(string apiName, ClientOptions options, ILoggerFactory? loggerFactory, params string?[] configuredSecrets)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ApiName = apiName;
        Options = options;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Redactor = new SecretRedactor(options.TimeProvider);
        HttpLogger = CreateLogger("Http");
        Drift = new Drift.DriftLog(CreateLogger("Drift"));
        SharedStateContext = options.SharedState is null ? null : CreateSharedStateContext(apiName, options, LoggerFactory, configuredSecrets);
        RateLimiter = options.RequestsPerMinute <= 0 ? null
            : SharedStateContext is null ? ClientRateLimiters.PerMinute(options.RequestsPerMinute)
            : options.SharedState!.CreateRateLimiter(SharedStateContext);
        ResiliencePipeline = ClientResilience.Build(options.Resilience, options.TimeProvider, HttpLogger, Redactor);
        foreach (var secret in configuredSecrets ?? [])
        {
            AddConfiguredSecret(secret);
        }
    }

    /// <summary>The API, for example <c>Pax8</c>.</summary>
    public string ApiName { get; }

    /// <summary>The validated options.</summary>
    public ClientOptions Options { get; }

    /// <summary>Removes this client's secrets (and every token it was issued, until shortly after expiry) from logs and traces.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>Where this client logs responses that drift from the spec (once per operation, JSON path and kind).</summary>
    public Drift.DriftLog Drift { get; }

    /// <summary>The client-side request budget, or <see langword="null"/> when <see cref="ClientOptions.RequestsPerMinute"/> is 0.</summary>
    public RateLimiter? RateLimiter { get; }

    /// <summary>Where the client's logs go.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>What <see cref="ClientOptions.SharedState"/> is told about this client; <see langword="null"/> without shared state.</summary>
    internal SharedClientStateContext? SharedStateContext { get; }

    /// <summary>The one resilience pipeline of this client (built once: its circuit state outlives handler chains).</summary>
    internal ResiliencePipeline<HttpResponseMessage> ResiliencePipeline { get; }

    /// <summary>The logger of HTTP attempts and retries (<c>Tessera.{Api}.Http</c>).</summary>
    internal ILogger HttpLogger { get; }

    /// <summary>Whether requests may be charged to a <see cref="RateLimitScope"/> even without a client budget.</summary>
    protected internal virtual bool UsesRateLimitScopes => false;

    /// <summary>A new handler chain, outermost first (see <see cref="ClientPipelineBuilder"/> for the order).</summary>
    /// <returns>The handlers; link them with an inner handler or hand them to IHttpClientFactory.</returns>
    public IReadOnlyList<DelegatingHandler> CreateHandlers()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var pipeline = new ClientPipelineBuilder(this);
        ConfigurePipeline(pipeline);
        return pipeline.Build();
    }

    /// <summary>Releases the rate limiter and unregisters the configured secrets from <see cref="SecretRedactor.Shared"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds the client's own handlers, each at its stage.</summary>
    /// <param name="pipeline">The chain being built.</param>
    protected abstract void ConfigurePipeline(ClientPipelineBuilder pipeline);

    /// <summary>A logger named <c>Tessera.{Api}.{area}</c>, or <c>Tessera.{Api}</c> without an area.</summary>
    /// <param name="area">For example <c>Authentication</c>.</param>
    /// <returns>The logger.</returns>
    protected ILogger CreateLogger(string? area = null) =>
        LoggerFactory.CreateLogger(string.IsNullOrEmpty(area) ? $"Tessera.{ApiName}" : $"Tessera.{ApiName}.{area}");

    // The same credential gives the same partition in every process; the hash keeps the secrets out of shared keys.
    private static SharedClientStateContext CreateSharedStateContext(string apiName, ClientOptions options, ILoggerFactory loggerFactory, string?[]? configuredSecrets)
    {
        var identity = string.Join('\n', [apiName, options.BaseUrl.AbsoluteUri, .. (configuredSecrets ?? []).Select(secret => secret ?? string.Empty)]);
        var partition = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));
        var key = options is TokenClientOptions { TokenCacheEncryptionKey: { } encoded } ? Convert.FromBase64String(encoded) : null;
        return new SharedClientStateContext(apiName, partition, options.RequestsPerMinute, key, options.TimeProvider, loggerFactory);
    }

    private void AddConfiguredSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        Redactor.AddSecret(secret);
        SecretRedactor.Shared.AddSecret(secret);
        _configuredSecrets.Add(secret);
    }

    /// <summary>Releases what the runtime owns.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        RateLimiter?.Dispose();
        foreach (var secret in _configuredSecrets)
        {
            SecretRedactor.Shared.RemoveSecret(secret);
        }
    }
}
