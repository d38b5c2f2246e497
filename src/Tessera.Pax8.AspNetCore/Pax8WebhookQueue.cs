using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Tessera.Pax8.Webhooks;

namespace Tessera.Pax8.AspNetCore;

/// <summary>An authorized delivery and the code that processes it.</summary>
internal sealed record Pax8WebhookWorkItem(
    WebhookPayload Payload,
    Func<IServiceProvider, WebhookPayload, CancellationToken, Task> Handler);

/// <summary>The bounded queue between the endpoint (which answers 200 at once) and <see cref="Pax8WebhookDispatcher"/>.</summary>
internal sealed class Pax8WebhookQueue
{
    private readonly Channel<Pax8WebhookWorkItem> _channel;
    private readonly TimeSpan _enqueueTimeout;

    public Pax8WebhookQueue(IOptions<Pax8WebhookOptions> options)
    {
        var settings = options.Value;
        _enqueueTimeout = settings.EnqueueTimeout;
        _channel = Channel.CreateBounded<Pax8WebhookWorkItem>(new BoundedChannelOptions(Math.Max(1, settings.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public ChannelReader<Pax8WebhookWorkItem> Reader => _channel.Reader;

    /// <summary>Queues the item, waiting at most the enqueue timeout for room.</summary>
    /// <returns><see langword="false"/> when the queue stayed full.</returns>
    public async ValueTask<bool> TryEnqueueAsync(Pax8WebhookWorkItem item, CancellationToken cancellationToken)
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
