using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Tessera.SmartPay.AspNetCore;

/// <summary>A verified notification and the code that processes it.</summary>
internal sealed record SmartPayWebhookWorkItem(
    SmartPayWebhookNotification Notification,
    Func<IServiceProvider, SmartPayWebhookNotification, CancellationToken, Task> Handler);

/// <summary>The bounded queue between the endpoint (which answers 200 at once) and <see cref="SmartPayWebhookDispatcher"/>.</summary>
internal sealed class SmartPayWebhookQueue
{
    private readonly Channel<SmartPayWebhookWorkItem> _channel;
    private readonly TimeSpan _enqueueTimeout;

    public SmartPayWebhookQueue(IOptions<SmartPayWebhookOptions> options)
    {
        var settings = options.Value;
        _enqueueTimeout = settings.EnqueueTimeout;
        _channel = Channel.CreateBounded<SmartPayWebhookWorkItem>(new BoundedChannelOptions(Math.Max(1, settings.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public ChannelReader<SmartPayWebhookWorkItem> Reader => _channel.Reader;

    /// <summary>Queues the item, waiting at most the enqueue timeout for room.</summary>
    /// <returns><see langword="false"/> when the queue stayed full.</returns>
    public async ValueTask<bool> TryEnqueueAsync(SmartPayWebhookWorkItem item, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(item))
        {
            return true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_enqueueTimeout);
        try
        {
            await _channel.Writer.WriteAsync(item, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
