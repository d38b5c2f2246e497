using System.Buffers;
using System.Security.Cryptography;

namespace Tessera.Core.Notifications;

/// <summary>
/// Reads an unauthenticated request body through a size limit, optionally feeding a MAC while reading, so that a
/// notification is never buffered beyond what real ones need and its signature is checked without a second pass.
/// </summary>
public static class BoundedBody
{
    /// <summary>Reads at most <paramref name="maxBytes"/> bytes from <paramref name="body"/>.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="maxBytes">The limit.</param>
    /// <param name="declaredLength">The Content-Length, when sent: a larger one is refused before reading.</param>
    /// <param name="mac">Receives every byte read (for example an HMAC), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The body, or <see langword="null"/> when it is larger than the limit (reading stops there).</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, long? declaredLength, IncrementalHash? mac, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        // One byte more than the limit tells "exactly at the limit" from "over it".
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                mac?.AppendData(buffer, length, read);
                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
