namespace Tessera.Pax8.AspNetCore;

/// <summary>Settings of the Pax8 webhook endpoint and its background queue (section <c>Pax8:Webhooks</c> by convention).</summary>
public sealed class Pax8WebhookOptions
{
    /// <summary>The default configuration section name.</summary>
    public const string SectionName = "Pax8:Webhooks";

    /// <summary>
    /// The <c>authorization</c> value the webhook was created with (<c>CreateWebhook.authorization</c>); Pax8 sends it
    /// back as the <c>Authorization</c> header of every delivery, and it is the only authentication a delivery has
    /// (discrepancy W3). Use a long random value. Secret; required.
    /// </summary>
    public string? Authorization { get; set; }

    /// <summary>
    /// How many authorized deliveries may wait for the handler. Default 1024. When the queue is full the endpoint waits
    /// up to <see cref="EnqueueTimeout"/> for room, then answers 503, which Pax8 logs as a failed attempt and retries.
    /// </summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// How long the endpoint waits for room in a full queue before answering 503. Default 5 seconds, well inside the
    /// 10 seconds after which Pax8 counts a delivery as failed.
    /// </summary>
    public TimeSpan EnqueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest body accepted, in bytes (larger answers 413 before more is read). Default 256 KiB: a delivery carries
    /// one event's data, whose size Pax8 does not document. The Authorization header is checked before the body is read.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long an event is remembered: the same webhook, topic subscription and event data again within this window
    /// (a Pax8 retry, <c>retryWebhookDelivery</c>, or a captured delivery replayed) is answered 200 and not handed to
    /// the handler a second time (discrepancy W14). Default 24 hours; <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The most events remembered for deduplication. Default 100,000 (about 10 MB).</summary>
    public int ReplayCapacity { get; set; } = 100_000;

    /// <summary>The least time between two Warnings about rejected deliveries. Default one minute.</summary>
    public TimeSpan RejectionWarningInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock of the replay window and the rejection log; the system clock by default (tests pass a fake one).</summary>
    public TimeProvider? TimeProvider { get; set; }
}
