using System.Threading.Channels;

namespace Tessera.Core.Notifications;

/// <summary>A verified notification, the topic to log it by, and the code that processes it.</summary>
/// <typeparam name="T">The notification type of one API.</typeparam>
internal sealed record NotificationWorkItem<T>(T Notification, string Topic, Func<IServiceProvider, T, CancellationToken, Task> Handler);

/// <summary>
/// The bounded queue between a webhook endpoint (which answers at once, so the vendor never times out) and
/// <see cref="NotificationDispatcher{T}"/>; shared by the SmartPay and Pax8 receivers.
/// </summary>
/// <typeparam name="T">The notification type of one API.</typeparam>
internal sealed class NotificationQueue<T>
{
    private readonly Channel<NotificationWorkItem<T>> _channel;
    private readonly TimeSpan _enqueueTimeout;

    /// <param name="apiName">The API, for log messages (<c>Pax8</c>).</param>
    /// <param name="capacity">Items held at most.</param>
    /// <param name="enqueueTimeout">How long an endpoint waits for room before it answers 503.</param>
    /// <param name="shutdownHint">Appended to the log line for items dropped at shutdown (what the vendor does about them).</param>
    public NotificationQueue(string apiName, int capacity, TimeSpan enqueueTimeout, string shutdownHint = "")
    {
        ApiName = apiName;
        ShutdownHint = shutdownHint;
        _enqueueTimeout = enqueueTimeout;
        _channel = Channel.CreateBounded<NotificationWorkItem<T>>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public string ApiName { get; }

    public string ShutdownHint { get; }

    public ChannelReader<NotificationWorkItem<T>> Reader => _channel.Reader;

    /// <summary>Queues the item, waiting at most the enqueue timeout for room.</summary>
    /// <returns><see langword="false"/> when the queue stayed full.</returns>
    public async ValueTask<bool> TryEnqueueAsync(NotificationWorkItem<T> item, CancellationToken cancellationToken)
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
