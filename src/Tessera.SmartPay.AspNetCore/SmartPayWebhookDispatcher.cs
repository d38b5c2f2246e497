using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tessera.SmartPay.AspNetCore;

/// <summary>
/// Runs queued notifications one at a time, in arrival order, each in its own DI scope. A failing handler is logged
/// and the next notification runs. Notifications still queued at shutdown are dropped (logged): SmartPay does not
/// redeliver an acknowledged notification, which is why handlers should re-query state rather than rely on payloads.
/// </summary>
internal sealed partial class SmartPayWebhookDispatcher : BackgroundService
{
    private readonly SmartPayWebhookQueue _queue;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger<SmartPayWebhookDispatcher> _logger;

    public SmartPayWebhookDispatcher(SmartPayWebhookQueue queue, IServiceScopeFactory scopeFactory, ILogger<SmartPayWebhookDispatcher> logger)
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

    private async Task RunAsync(SmartPayWebhookWorkItem item, CancellationToken stoppingToken)
    {
        var scope = _scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await item.Handler(scope.ServiceProvider, item.Notification, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // One failing notification must not stop the ones queued after it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogHandlerFailed(_logger, exception, item.Notification.UnverifiedTopic);
            }
        }
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "The SmartPay webhook handler failed for topic {Topic}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "{Count} SmartPay webhook notifications were still queued at shutdown and are dropped")]
    private static partial void LogDropped(ILogger logger, int count);
}
