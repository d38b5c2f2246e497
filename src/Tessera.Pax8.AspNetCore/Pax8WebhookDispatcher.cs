using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.AspNetCore;

/// <summary>
/// Runs queued deliveries one at a time, in arrival order, each in its own DI scope. A failing handler is logged and
/// the next delivery runs. Deliveries still queued at shutdown are dropped (logged): Pax8 does not redeliver an
/// acknowledged delivery, which is why handlers should re-read state through the Partner API rather than rely on payloads.
/// </summary>
internal sealed partial class Pax8WebhookDispatcher : BackgroundService
{
    private readonly Pax8WebhookQueue _queue;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger<Pax8WebhookDispatcher> _logger;

    public Pax8WebhookDispatcher(Pax8WebhookQueue queue, IServiceScopeFactory scopeFactory, ILogger<Pax8WebhookDispatcher> logger)
    {
        _queue = queue;
        _scopeFactory = scopeFactory;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(item, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (_queue.Reader.CanCount && _queue.Reader.Count > 0)
            {
                LogDropped(_logger, _queue.Reader.Count);
            }
        }
    }

    private async Task RunAsync(Pax8WebhookWorkItem item, CancellationToken stoppingToken)
    {
        var scope = _scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await item.Handler(scope.ServiceProvider, item.Payload, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One failing notification must not stop the ones queued after it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogHandlerFailed(_logger, exception, item.Payload.WebhookTopic?.Topic ?? string.Empty);
            }
        }
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "The Pax8 webhook handler failed for topic {Topic}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "{Count} Pax8 webhook deliveries were still queued at shutdown and are dropped (Pax8 does not redeliver an acknowledged delivery; call retryWebhookDelivery from the logs if needed)")]
    private static partial void LogDropped(ILogger logger, int count);
}
