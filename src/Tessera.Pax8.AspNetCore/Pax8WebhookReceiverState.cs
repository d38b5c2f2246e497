using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tessera.Core.Notifications;
using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.AspNetCore;

/// <summary>What the webhook endpoint remembers across deliveries: the verifier, recent events (deduplication) and the rejection log.</summary>
internal sealed class Pax8WebhookReceiverState
{
    public Pax8WebhookReceiverState(IOptions<Pax8WebhookOptions> options, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        Logger = loggerFactory.CreateLogger("Tessera.Pax8.Webhooks");
        Verifier = new Pax8WebhookVerifier(settings.Authorization ?? string.Empty);
        Replays = new ReplayWindow(settings.ReplayWindow, settings.ReplayCapacity, settings.TimeProvider);
        Rejections = new RejectionLog(Logger, "Pax8 webhook", settings.RejectionWarningInterval, settings.TimeProvider);
        MaxBodyBytes = settings.MaxBodyBytes;
    }

    public ILogger Logger { get; }

    public Pax8WebhookVerifier Verifier { get; }

    public ReplayWindow Replays { get; }

    public RejectionLog Rejections { get; }

    public int MaxBodyBytes { get; }
}
