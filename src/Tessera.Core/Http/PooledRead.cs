using System.Buffers;

namespace Tessera.Core.Http;

/// <summary>Reads a stream to its end into an <see cref="ArrayPool{T}"/> buffer that doubles as it fills.</summary>
internal static class PooledRead
{
    /// <summary>The first buffer when the length is unknown.</summary>
    public const int UnknownLengthInitialSize = 16 * 1024;

    /// <summary>
    /// Reads the rest of <paramref name="stream"/> after <paramref name="prefix"/>, into a rented buffer the caller
    /// returns to <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    /// <param name="stream">The body stream.</param>
    /// <param name="initialSize">The first buffer's size; one spare byte over a declared length avoids a regrowth.</param>
    /// <param name="prefix">Bytes already read.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rented buffer and how much of it holds the body.</returns>
    public static async Task<(byte[] Buffer, int Length)> ReadToEndAsync(Stream stream, int initialSize, ReadOnlyMemory<byte> prefix, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(1, initialSize), prefix.Length * 2));
        try
        {
            prefix.CopyTo(buffer);
            var length = prefix.Length;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
