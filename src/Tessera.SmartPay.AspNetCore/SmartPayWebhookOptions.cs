namespace Tessera.SmartPay.AspNetCore;

/// <summary>Settings of the SmartPay webhook endpoint and its background queue (section <c>SmartPay:Webhooks</c> by convention).</summary>
public sealed class SmartPayWebhookOptions
{
    /// <summary>
    /// The key notifications are verified with. Default: <see cref="SmartPayClientOptions.WebhookKey"/>, else
    /// <see cref="SmartPayClientOptions.ApiKey"/> of the registered client options. Secret.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// How many verified notifications may wait for the handler. Default 1024. When the queue is full the endpoint
    /// waits up to <see cref="EnqueueTimeout"/> for room, then answers 503: SmartPay counts that as a failed delivery and
    /// disables the webhook after 20 of them, so size this for your largest burst and keep handlers quick (queue work of
    /// your own for anything slow). Replays never take a place: see <see cref="ReplayWindow"/>.
    /// </summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>How long the endpoint waits for room in a full queue before answering 503. Default 5 seconds.</summary>
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest body accepted, in bytes (larger answers 413 before more is read). Default 8 KiB: a real
    /// notification is a few hundred bytes. The signature is computed while reading, so nothing beyond this limit is
    /// ever buffered for an unauthenticated sender.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// How long a verified delivery is remembered: the same topic and body again within this window (SmartPay's
    /// redelivery, or a captured delivery replayed) is answered 200 and not handed to the handler a second time.
    /// Default 24 hours; <see cref="TimeSpan.Zero"/> turns deduplication off. At most <see cref="ReplayCapacity"/>
    /// deliveries are remembered (32 bytes each).
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most deliveries remembered for deduplication. Default 100,000 (about 10 MB).</summary>
    public int ReplayCapacity { get; set; } = 100_000;

    /// <summary>
    /// The least time between two Warnings about rejected deliveries (each rejection is logged at Debug; the Warning
    /// counts them), so that forged traffic cannot flood the logs. Default one minute.
    /// </summary>
    public TimeSpan RejectionWarningInterval { get; set; } = TimeSpan.FromMinutes(1);
}
