using Tessera.Core.Errors;
using Tessera.Core.Http;
using Tessera.Core.Resilience;

namespace Tessera.Core.Pipeline;

/// <summary>
/// Innermost, right above the transport, once per send. It refuses a second send of a request that may have been
/// processed (a POST or PATCH not marked safe) unless the runtime approved it: the retry strategy (429, unsent,
/// <c>x-safe-to-retry</c>) or an authentication replay after a rejected credential. So no handler a host adds to the
/// client (a retry handler of its own, a second resilience handler) can resend a payment. It also reads the response
/// body from the network once, within the attempt (a reset or a stall mid-body fails the attempt, where it can be
/// retried and timed out), into the content's own buffer, which the envelope check and the generated client read.
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
            else if (content is not ByteArrayContent)
            {
                // A resend needs the same body; a streamed one could be read only once.
                await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        state.Sends++;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is null)
        {
            return response;
        }

        try
        {
            // A failure here is an HttpRequestException of this attempt: transient, so a GET is retried, while a POST
            // that got this far was processed and is not resent.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
