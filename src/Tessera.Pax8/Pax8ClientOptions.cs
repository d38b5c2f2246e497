using Tessera.Core.Auth;
using Tessera.Core.Resilience;

namespace Tessera.Pax8;

/// <summary>
/// Settings of a <see cref="Pax8Client"/>: where the API and its token endpoint live, the client
/// credentials, how tokens are cached, and how requests are retried and throttled.
/// Bind it from configuration (section <c>Pax8</c> by convention) or set it in code.
/// </summary>
public sealed class Pax8ClientOptions
{
    /// <summary>The default configuration section name.</summary>
    public const string SectionName = "Pax8";

    /// <summary>The documented production base address of the Partner API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.pax8.com/v1/");

    /// <summary>The currently documented token endpoint (see the D12 discrepancy in specs/pax8.yaml).</summary>
    public static readonly Uri DefaultTokenUrl = new("https://api.pax8.com/v1/token");

    /// <summary>The audience Pax8 documents for partners.</summary>
    public const string DefaultAudience = "https://api.pax8.com";

    /// <summary>Base address of the Partner API. Default <see cref="DefaultBaseUrl"/>.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// Base address of the undocumented portal API used by <see cref="Experimental.Pax8ExperimentalClient"/>.
    /// Default <c>https://app.pax8.com/p8p/api/v3/</c>.
    /// </summary>
    public Uri ExperimentalBaseUrl { get; set; } = new("https://app.pax8.com/p8p/api/v3/");

    /// <summary>
    /// Token endpoint. Default <see cref="DefaultTokenUrl"/>; legacy integrations used
    /// <c>https://login.pax8.com/oauth/token</c> with audience <c>api://p8p.client</c>.
    /// </summary>
    public Uri TokenUrl { get; set; } = DefaultTokenUrl;

    /// <summary>Token audience. Default <see cref="DefaultAudience"/>.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>The client id of a Pax8 developer app (Integrations → API credentials).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret. Never logged, never part of an exception message.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where access tokens are cached. Default <see cref="Pax8TokenCacheKind.Memory"/>.</summary>
    public Pax8TokenCacheKind TokenCache { get; set; } = Pax8TokenCacheKind.Memory;

    /// <summary>The cache file for <see cref="Pax8TokenCacheKind.File"/>. Default <c>~/.tessera/pax8-tokens.json</c>.</summary>
    public string? TokenCacheFile { get; set; }

    /// <summary>
    /// Optional base64 AES key (16, 24 or 32 bytes) that encrypts the token cache file (AES-GCM).
    /// </summary>
    public string? TokenCacheEncryptionKey { get; set; }

    /// <summary>
    /// A cache instance to use instead of <see cref="TokenCache"/> (for example one shared by several clients).
    /// </summary>
    public ITokenCache? TokenCacheInstance { get; set; }

    /// <summary>Client-side request budget per minute. Default 1000, Pax8's documented limit; 0 disables throttling.</summary>
    public int RequestsPerMinute { get; set; } = Tessera.Core.Resilience.ClientRateLimiters.Pax8RequestsPerMinute;

    /// <summary>Retries, timeouts and circuit breaker.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>Clock used for token expiry; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks that the options can produce a working client and says what is wrong otherwise.</summary>
    /// <exception cref="Pax8ConfigurationException">A required setting is missing or invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("ClientId is required (Pax8:ClientId or PAX8_CLIENT_ID)");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add("ClientSecret is required (Pax8:ClientSecret or PAX8_CLIENT_SECRET)");
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            problems.Add("BaseUrl must be an absolute URL");
        }

        if (TokenUrl is null || !TokenUrl.IsAbsoluteUri)
        {
            problems.Add("TokenUrl must be an absolute URL");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            problems.Add("Audience is required");
        }

        if (RequestsPerMinute < 0)
        {
            problems.Add("RequestsPerMinute must be 0 (off) or positive");
        }

        if (TokenCacheEncryptionKey is not null)
        {
            try
            {
                var length = Convert.FromBase64String(TokenCacheEncryptionKey).Length;
                if (length is not (16 or 24 or 32))
                {
                    problems.Add("TokenCacheEncryptionKey must decode to 16, 24 or 32 bytes");
                }
            }
            catch (FormatException)
            {
                problems.Add("TokenCacheEncryptionKey must be base64");
            }
        }

        if (problems.Count > 0)
        {
            throw new Pax8ConfigurationException("Invalid Pax8 client options: " + string.Join("; ", problems) + ".");
        }
    }
}
