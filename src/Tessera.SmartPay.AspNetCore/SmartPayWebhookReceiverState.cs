using Tessera.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tessera.SmartPay.AspNetCore;

/// <summary>What the webhook endpoint remembers across deliveries: recent deliveries (deduplication) and the rejection log.</summary>
internal sealed class SmartPayWebhookReceiverState
{
    public SmartPayWebhookReceiverState(IOptions<SmartPayWebhookOptions> options, ILoggerFactory loggerFactory, TimeProvider? timeProvider = null)
    {
        var settings = options.Value;
        Logger = loggerFactory.CreateLogger("Tessera.SmartPay.Webhooks");
        Replays = new ReplayWindow(settings.ReplayWindow, settings.ReplayCapacity, timeProvider);
        Rejections = new RejectionLog(Logger, "SmartPay webhook", settings.RejectionWarningInterval, timeProvider);
    }

    public ILogger Logger { get; }

    public ReplayWindow Replays { get; }

    public RejectionLog Rejections { get; }
}
