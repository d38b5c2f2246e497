using System.Buffers;

namespace Tessera.Core.Http;

/// <summary>Reads a stream to its end into an <see cref="ArrayPool{T}"/> buffer that doubles as it fills, up to a bound.</summary>
internal static class PooledRead
{
    /// <summary>The first buffer when the length is unknown.</summary>
    public const int UnknownLengthInitialSize = 16 * 1024;

    /// <summary>
    /// Reads the rest of <paramref name="stream"/> into a rented buffer the caller returns to
    /// <see cref="ArrayPool{T}.Shared"/>; <see langword="null"/> (nothing kept) once it holds more than
    /// <paramref name="maxBytes"/>.
    /// </summary>
    /// <param name="stream">The body stream.</param>
    /// <param name="declaredLength">The length the sender declared, when it did: the first buffer is one byte larger, so a
    /// body of exactly that length ends with a zero-byte read, not a regrowth.</param>
    /// <param name="maxBytes">The most bytes kept.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The rented buffer and how much of it holds the body, or <see langword="null"/> past the bound.</returns>
    public static async Task<(byte[] Buffer, int Length)?> ReadToEndAsync(Stream stream, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        var initial = declaredLength is >= 0 && declaredLength < maxBytes ? (int)declaredLength.Value + 1 : Math.Min(UnknownLengthInitialSize, maxBytes + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, initial));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
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
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
