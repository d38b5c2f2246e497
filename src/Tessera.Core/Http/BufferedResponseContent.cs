using System.Buffers;
using System.Net;

namespace Tessera.Core.Http;

/// <summary>
/// A response body read from the network once, within the attempt, into a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/> and returned when the response is disposed. It replaces
/// <see cref="HttpContent.LoadIntoBufferAsync()"/>, which copies the body into a new array per response (a large-object
/// allocation for every page of 1,000 items). Reads after disposal throw <see cref="ObjectDisposedException"/>: the
/// buffer is never read once it is back in the pool.
/// </summary>
internal sealed class BufferedResponseContent : HttpContent
{
    private byte[]? _buffer;
    private readonly int _length;

    private BufferedResponseContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The body.</summary>
    /// <exception cref="ObjectDisposedException">The response was disposed.</exception>
    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(BufferedResponseContent))).AsMemory(0, _length);

    /// <summary>
    /// Reads <paramref name="original"/> to its end, at most <paramref name="maxBytes"/> bytes (after decompression),
    /// and gives a content with the same headers; <see langword="null"/> when the body is larger (nothing kept).
    /// </summary>
    public static async Task<BufferedResponseContent?> ReadAsync(HttpContent original, int maxBytes, CancellationToken cancellationToken)
    {
        (byte[] Buffer, int Length)? read;
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                read = await PooledRead.ReadToEndAsync(stream, original.Headers.ContentLength, maxBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // What LoadIntoBufferAsync throws for a body cut off mid-read: the attempt's transport failure.
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "Error while copying content to a stream.", exception);
        }

        if (read is not { } body)
        {
            return null;
        }

        var (buffer, length) = body;
        var content = new BufferedResponseContent(buffer, length);
        foreach (var header in original.Headers)
        {
            // The length is the buffer's (a decompressed body's differs from what the wire declared).
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return content;
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Memory).AsTask();

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Memory, cancellationToken).AsTask();

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new ReadStream(this));

    /// <inheritdoc />
    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new ReadStream(this);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }

    // A read-only view that asks the content for its buffer on every read, so a read after disposal fails.
    private sealed class ReadStream(BufferedResponseContent owner) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => owner._length;

        public override long Position
        {
            get => _position;
            set => _position = (int)Math.Clamp(value, 0, owner._length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var remaining = owner.Memory.Span[_position..];
            var count = Math.Min(remaining.Length, buffer.Length);
            remaining[..count].CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => owner._length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
