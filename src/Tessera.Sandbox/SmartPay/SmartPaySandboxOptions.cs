namespace Tessera.Sandbox.SmartPay;

/// <summary>
/// Settings of the sandbox's SmartPay API (under <c>/smartpay/1-2/</c>): the api_key it accepts, the session-token
/// lifetime, the size of the seeded data set and how webhook deliveries behave. The seed and the clock come from
/// <see cref="SandboxOptions.Seed"/> and <see cref="SandboxOptions.TimeProvider"/>.
/// </summary>
public sealed class SmartPaySandboxOptions
{
    /// <summary>The api_key the sandbox accepts unless told otherwise.</summary>
    public const string DefaultApiKey = "sandbox-api-key";

    /// <summary>
    /// The secret api_key <c>POST /smartpay/1-2/authenticate</c> accepts; any other key is answered with error
    /// <c>1001</c> "Invalid key". It is also the key of the webhook signatures (HMAC-SHA256) unless
    /// <see cref="WebhookSigningKey"/> says otherwise.
    /// </summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>
    /// How long a session token stays valid (SmartPay: at most one hour), measured on <see cref="SandboxOptions.TimeProvider"/>;
    /// <c>expires_on</c> is the issue time plus this lifetime.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Number of consumers seeded (the default spans three pages of 100: 100, 100 and 60).</summary>
    public int ConsumerCount { get; set; } = 260;

    /// <summary>Number of orders seeded; each has one or more invoices, so the invoices number in the hundreds.</summary>
    public int OrderCount { get; set; } = 300;

    /// <summary>Consecutive failed deliveries (non-200 answer or timeout) after which a webhook is disabled (SmartPay: 20).</summary>
    public int MaxFailedDeliveries { get; set; } = 20;

    /// <summary>How long the sandbox waits for a webhook receiver to answer a test ping or a delivery.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The key webhook signatures are computed with; <see langword="null"/> (the default) means <see cref="ApiKey"/>, as
    /// SmartPay documents. Set it to another value to simulate a signature the receiver must reject (the plugins'
    /// dead code used the iframe key); deliveries then show <c>SignatureValid = false</c> in
    /// <see cref="SmartPaySandboxState.Deliveries"/>.
    /// </summary>
    public string? WebhookSigningKey { get; set; }
}
