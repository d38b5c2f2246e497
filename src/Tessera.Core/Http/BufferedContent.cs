using System.Net;
using System.Net.Http.Headers;

namespace Tessera.Core.Http;

/// <summary>
/// A response body the pipeline has read once, completely: every later reader (the vendor envelope check, the
/// generated client, a logger) reads the same bytes without copying them or touching the network again.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _length;

    public BufferedContent(byte[] bytes, int length, HttpContentHeaders headers)
    {
        _bytes = bytes;
        _length = length;
        foreach (var header in headers)
        {
            // The length is ours now (decompression may have changed it).
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes.AsMemory(0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_bytes, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_bytes.AsMemory(0, _length), cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(_bytes, 0, _length);

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(_bytes, 0, _length, writable: false));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new MemoryStream(_bytes, 0, _length, writable: false);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
