namespace Generated.SmartPay.AspNetCore;

/// <summary>Settings of the SmartPay webhook endpoint and its background queue.</summary>
public sealed class SmartPayWebhookOptions
{
    /// <summary>
    /// The key notifications are verified with. Default: <see cref="SmartPayClientOptions.WebhookKey"/>, else
    /// <see cref="SmartPayClientOptions.ApiKey"/> of the registered client options. Secret.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>How many verified notifications may wait for the handler. Default 1024.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// How long the endpoint waits for room in a full queue before answering 503 (SmartPay counts that as a failed
    /// delivery; 20 failures disable the webhook). Default 5 seconds.
    /// </summary>
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest body accepted, in bytes (larger answers 413). Default 1 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
