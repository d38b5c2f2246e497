using System.Globalization;
using Tessera.Core.Clients;

namespace Tessera.SmartPay;

/// <summary>
/// Settings of a <see cref="SmartPayClient"/>: where the API lives, the secret api_key, how session tokens are
/// cached and renewed, how requests are retried and throttled, and the key that signs webhook notifications.
/// Bind it from configuration (section <c>SmartPay</c> by convention) or set it in code.
/// </summary>
public sealed class SmartPayClientOptions : TokenClientOptions
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

    /// <summary>
    /// Creates options with SmartPay's defaults. The attempt timeout is 60 seconds (not 30) because
    /// <c>createWebhook</c> and <c>modifyWebhook</c> wait while SmartPay test-pings the webhook URL. Only
    /// <c>authenticate</c> and the <c>get_*</c> reads (<c>x-safe-to-retry</c>) are resent after a transient failure.
    /// </summary>
    public SmartPayClientOptions()
        : base(DefaultBaseUrl, DefaultRequestsPerMinute)
    {
        Resilience = new() { AttemptTimeout = TimeSpan.FromSeconds(60) };
    }

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

    /// <summary>
    /// Called with the <c>warnings</c> of every response that carries some (they are also logged at Warning).
    /// Runs on the request's path: keep it fast and let it not throw.
    /// </summary>
    public Action<SmartPayWarnings>? OnWarnings { get; set; }

    /// <inheritdoc />
    protected override string ConfigurationSection => SectionName;

    /// <summary>The key webhook signatures are verified with: <see cref="WebhookKey"/>, else <see cref="ApiKey"/>.</summary>
    /// <returns>The key, or <see langword="null"/> when neither is set.</returns>
    public string? GetEffectiveWebhookKey() => string.IsNullOrEmpty(WebhookKey) ? ApiKey : WebhookKey;

    /// <summary>Describes the options without any secret.</summary>
    /// <returns>For example <c>SmartPayClientOptions(BaseUrl=https://api.smartpay.curexe.com/1-2/, ApiKey=***, …)</c>.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"SmartPayClientOptions(BaseUrl={BaseUrl}, ApiKey={Mask(ApiKey)}, WebhookKey={Mask(WebhookKey)}, TokenCache={TokenCache}, RefreshMargin={RefreshMargin}, RequestsPerMinute={RequestsPerMinute})");

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        base.Validate(problems);
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            problems.Add("SmartPay:ApiKey is required (the api_key from the Integrate page of the SmartPay dashboard)");
        }

        if (RefreshMargin >= TimeSpan.FromHours(1))
        {
            problems.Add("SmartPay:RefreshMargin must be under 1 hour (tokens live at most one hour)");
        }
    }


    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "***";
}
