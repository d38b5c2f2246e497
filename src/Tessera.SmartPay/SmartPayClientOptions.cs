using System.Globalization;
using Tessera.Core.Auth;
using Tessera.Core.Resilience;

namespace Tessera.SmartPay;

/// <summary>
/// Settings of a <see cref="SmartPayClient"/>: where the API lives, the secret api_key, how session tokens are
/// cached and renewed, how requests are retried and throttled, and the key that signs webhook notifications.
/// Bind it from configuration (section <c>SmartPay</c> by convention) or set it in code.
/// </summary>
public sealed class SmartPayClientOptions
{
    /// <summary>The default configuration section name.</summary>
    public const string SectionName = "SmartPay";

    /// <summary>
    /// The default client-side budget: 120 requests a minute. SmartPay enforces no documented limit but monitors
    /// usage and disables abusive accounts (and older code tables name a daily query cap, errors 5074 and warning
    /// 6577), so the client stays well below anything that looks abusive while still paging 12,000 records a minute.
    /// </summary>
    public const int DefaultRequestsPerMinute = 120;

    /// <summary>The documented production base address of API v1.2.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.smartpay.curexe.com/1-2/");

    /// <summary>Base address of the API. Default <see cref="DefaultBaseUrl"/>.</summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// The merchant's secret api_key (SmartPay dashboard, <b>Integrate</b> page), exchanged for session tokens.
    /// Never logged, never part of an exception message or of <see cref="ToString"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The key that signs webhook notifications (HMAC-SHA256). Defaults to <see cref="ApiKey"/>, as SmartPay
    /// documents; configurable because the plugins' (dead) verification code uses another key (spec A22). Secret.
    /// </summary>
    public string? WebhookKey { get; set; }

    /// <summary>Where session tokens are cached. Default <see cref="SmartPayTokenCacheKind.Memory"/>.</summary>
    public SmartPayTokenCacheKind TokenCache { get; set; } = SmartPayTokenCacheKind.Memory;

    /// <summary>The cache file for <see cref="SmartPayTokenCacheKind.File"/>. Default <c>~/.tessera/smartpay-tokens.json</c>.</summary>
    public string? TokenCacheFile { get; set; }

    /// <summary>Optional base64 AES key (16, 24 or 32 bytes) that encrypts the token cache file (AES-GCM).</summary>
    public string? TokenCacheEncryptionKey { get; set; }

    /// <summary>A cache instance to use instead of <see cref="TokenCache"/> (for example one shared by several clients).</summary>
    public ITokenCache? TokenCacheInstance { get; set; }

    /// <summary>
    /// How long before <c>expires_on</c> a session token is renewed. Default five minutes, as SmartPay recommends;
    /// capped per token at a tenth of its lifetime.
    /// </summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Client-side request budget per minute; 0 disables throttling. Default <see cref="DefaultRequestsPerMinute"/>.</summary>
    public int RequestsPerMinute { get; set; } = DefaultRequestsPerMinute;

    /// <summary>
    /// Retries, timeouts and circuit breaker. The attempt timeout defaults to 60 seconds (not 30) because
    /// <c>createWebhook</c> and <c>modifyWebhook</c> wait while SmartPay test-pings the webhook URL. Only
    /// <c>authenticate</c> and the <c>get_*</c> reads (<c>x-safe-to-retry</c>) are resent after a transient failure.
    /// </summary>
    public ResilienceOptions Resilience { get; set; } = new() { AttemptTimeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// Called with the <c>warnings</c> of every response that carries some (they are also logged at Warning).
    /// Runs on the request's path: keep it fast and let it not throw.
    /// </summary>
    public Action<SmartPayWarnings>? OnWarnings { get; set; }

    /// <summary>Clock used for token expiry; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The key webhook signatures are verified with: <see cref="WebhookKey"/>, else <see cref="ApiKey"/>.</summary>
    /// <returns>The key, or <see langword="null"/> when neither is set.</returns>
    public string? GetEffectiveWebhookKey() => string.IsNullOrEmpty(WebhookKey) ? ApiKey : WebhookKey;

    /// <summary>Checks that the options can produce a working client and says what is wrong otherwise.</summary>
    /// <exception cref="SmartPayConfigurationException">A required setting is missing or invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            problems.Add("ApiKey is required (configuration key SmartPay:ApiKey; the api_key from the Integrate page of the SmartPay dashboard)");
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            problems.Add("BaseUrl must be an absolute URL, for example https://api.smartpay.curexe.com/1-2/");
        }

        if (RefreshMargin < TimeSpan.Zero || RefreshMargin >= TimeSpan.FromHours(1))
        {
            problems.Add("RefreshMargin must be between 0 and 1 hour (tokens live at most one hour)");
        }

        if (RequestsPerMinute < 0)
        {
            problems.Add("RequestsPerMinute must be 0 (off) or positive");
        }

        if (Resilience is null)
        {
            problems.Add("Resilience is required");
        }

        if (TimeProvider is null)
        {
            problems.Add("TimeProvider is required");
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
            throw new SmartPayConfigurationException("Invalid SmartPay client options: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>Describes the options without any secret.</summary>
    /// <returns>For example <c>SmartPayClientOptions(BaseUrl=https://api.smartpay.curexe.com/1-2/, ApiKey=***, …)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SmartPayClientOptions(BaseUrl={BaseUrl}, ApiKey={Mask(ApiKey)}, WebhookKey={Mask(WebhookKey)}, TokenCache={TokenCache}, RefreshMargin={RefreshMargin}, RequestsPerMinute={RequestsPerMinute})");

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";
}
