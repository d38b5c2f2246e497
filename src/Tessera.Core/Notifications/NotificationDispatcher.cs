using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tessera.Core.Notifications;

/// <summary>
/// Runs queued notifications one at a time, in arrival order, each in its own DI scope. A failing handler is logged
/// and the next notification runs. Notifications still queued at shutdown are dropped (logged): the vendors do not
/// redeliver an acknowledged notification, which is why handlers re-read state rather than rely on payloads.
/// </summary>
/// <typeparam name="T">The notification type of one API.</typeparam>
internal sealed partial class NotificationDispatcher<T> : BackgroundService
{
    private readonly NotificationQueue<T> _queue;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;

    public NotificationDispatcher(NotificationQueue<T> queue, IServiceScopeFactory scopeFactory, ILoggerFactory loggerFactory)
    {
        _queue = queue;
        _scopeFactory = scopeFactory;
        _logger = loggerFactory.CreateLogger($"Tessera.{queue.ApiName}.Webhooks");
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
                LogDropped(_logger, _queue.Reader.Count, _queue.ApiName, _queue.ShutdownHint);
            }
        }
    }

    private async Task RunAsync(NotificationWorkItem<T> item, CancellationToken stoppingToken)
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
                LogHandlerFailed(_logger, exception, _queue.ApiName, item.Topic);
            }
        }
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "The {Api} webhook handler failed for topic {Topic}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string api, string topic);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "{Count} {Api} webhook notifications were still queued at shutdown and are dropped{Hint}")]
    private static partial void LogDropped(ILogger logger, int count, string api, string hint);
}
