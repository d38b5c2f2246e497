using System.Buffers;
using Tessera.Core.Errors;
using Tessera.Core.Http;
using Tessera.Core.Resilience;

namespace Tessera.Core.Pipeline;

/// <summary>
/// Innermost, right above the transport, once per send. It refuses a second send of a request that may have been
/// processed (a POST or PATCH not marked safe) unless the runtime approved it: the retry strategy (429, unsent,
/// <c>x-safe-to-retry</c>) or an authentication replay after a rejected credential. So no handler a host adds to the
/// client (a retry handler of its own, a second resilience handler) can resend a payment. It also reads the response
/// body once, within the attempt (a reset mid-body fails the attempt, where it can be retried and timed out), into
/// one buffer that the envelope check and the generated client then read without copying.
/// </summary>
internal sealed class WireHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request);
        if (state.Sends > state.ApprovedResends && !RetryClassifier.IsIdempotent(request.Method) && !ClientRequestOptions.IsSafeToRetry(request))
        {
            throw new ResendRefusedException(request, state.Sends);
        }

        if (state.Sends == 0 && request.Content is { } content)
        {
            if (content is ModelContent model)
            {
                // Serialized here, not inside the transport: an incomplete body fails as the caller's input error
                // before a connection is opened.
                model.GetBytes();
            }
            else if (content is not (ByteArrayContent or BufferedContent))
            {
                // A resend needs the same body; a streamed one could be read only once.
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        state.Sends++;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is null or BufferedContent)
        {
            return response;
        }

        try
        {
            response.Content = await ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // As HttpContent.LoadIntoBufferAsync reports it: a transport failure of this attempt (transient; a POST
            // that got this far was processed and is not resent).
            response.Dispose();
            throw new HttpRequestException(
                exception is HttpIOException http ? http.HttpRequestError : HttpRequestError.ResponseEnded,
                "The connection failed while the response body was read.",
                exception);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }

    private static async Task<BufferedContent> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            var declared = content.Headers.ContentLength;
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (declared is { } size && size >= 0 && size <= Array.MaxLength)
                {
                    // The common case: the exact size, read straight into the array the body keeps.
                    var exact = new byte[size];
                    var filled = 0;
                    while (filled < exact.Length)
                    {
                        var read = await stream.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        filled += read;
                    }

                    if (filled == exact.Length && await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) == 0)
                    {
                        return new BufferedContent(exact, filled, content.Headers);
                    }

                    // The length was wrong (or changed by decompression): fall back to reading what is there.
                    return await ReadUnknownLengthAsync(stream, exact.AsMemory(0, filled), content.Headers, cancellationToken).ConfigureAwait(false);
                }

                return await ReadUnknownLengthAsync(stream, ReadOnlyMemory<byte>.Empty, content.Headers, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<BufferedContent> ReadUnknownLengthAsync(Stream stream, ReadOnlyMemory<byte> prefix, System.Net.Http.Headers.HttpContentHeaders headers, CancellationToken cancellationToken)
    {
        var (buffer, length) = await PooledRead.ReadToEndAsync(stream, PooledRead.UnknownLengthInitialSize, prefix, cancellationToken).ConfigureAwait(false);
        try
        {
            // The kept copy is exact-sized and not pooled: callers may hold the body after the response is disposed.
            return new BufferedContent(buffer.AsSpan(0, length).ToArray(), length, headers);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
