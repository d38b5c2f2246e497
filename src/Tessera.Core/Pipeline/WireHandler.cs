using Tessera.Core.Clients;
using Tessera.Core.Diagnostics;
using Tessera.Core.Errors;
using Tessera.Core.Http;
using Tessera.Core.Resilience;

namespace Tessera.Core.Pipeline;

/// <summary>
/// Innermost, right above the transport, once per send. Before the send it refuses what must never reach the network:
/// a second send of a request that may have been processed (a POST or PATCH not marked safe) unless the runtime
/// approved it (the retry strategy: 429, unsent, <c>x-safe-to-retry</c>; or an authentication replay), so no handler a
/// host adds can resend a payment; and credentials over plain http to a host that is not loopback. After it, it reads
/// the response body from the network once, within the attempt (a reset or a stall mid-body fails the attempt, where
/// it can be retried and timed out), into the content's own buffer, at most <see cref="ClientOptions.MaxResponseBytes"/>
/// decompressed bytes; and it turns a redirect into <see cref="RedirectRefusedException"/> instead of following it.
/// </summary>
internal sealed class WireHandler : DelegatingHandler
{
    private readonly ClientRuntime _runtime;
    private readonly long _maxResponseBytes;

    // Bodies declared smaller than this are buffered by HttpContent itself; larger or undeclared ones are pooled.
    private const long PooledBufferThreshold = 32 * 1024;
    private readonly bool _allowHttp;

    public WireHandler(ClientRuntime runtime)
    {
        _runtime = runtime;
        _maxResponseBytes = runtime.Options.MaxResponseBytes;
        _allowHttp = runtime.Options.DangerousAllowCredentialsOverHttp;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = RequestState.Of(request);
        if (state.Sends > state.ApprovedResends && !RetryClassifier.IsIdempotent(request.Method) && !ClientRequestOptions.IsSafeToRetry(request))
        {
            throw new ResendRefusedException(request, state.Sends);
        }

        var target = request.RequestUri;
        if (target is { IsAbsoluteUri: true } && !ClientOptions.IsAllowedTransport(target, _allowHttp))
        {
            // The options were validated; this catches a URL that reached the request some other way (a host's handler,
            // options changed after validation). Every request of these APIs carries a credential.
            throw new ClientConfigurationException(
                _runtime.ApiName,
                $"{_runtime.ApiName} request to {_runtime.Redactor.RedactUrl(target)} refused: credentials are sent only over https or to a loopback host; set {_runtime.Options.ConfigurationKey(nameof(ClientOptions.DangerousAllowCredentialsOverHttp))} to true to allow plain http on a network you control.");
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
        if (response.RequestMessage?.RequestUri is { } answered && target is not null && answered != target)
        {
            // The transport followed a redirect itself (a host-supplied primary handler with AllowAutoRedirect on that
            // the registration could not switch off): too late to keep the credentials, but the caller learns it.
            var followed = new RedirectRefusedException(request, response, null);
            response.Dispose();
            throw followed;
        }

        if (response.Content is null)
        {
            return response;
        }

        await BufferAsync(request, response, cancellationToken).ConfigureAwait(false);
        if (RedirectRefusedException.IsRedirect((int)response.StatusCode))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var refused = new RedirectRefusedException(request, response, body);
            response.Dispose();
            throw refused;
        }

        return response;
    }

    private async Task BufferAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limitKey = _runtime.Options.ConfigurationKey(nameof(ClientOptions.MaxResponseBytes));
        if (response.Content.Headers.ContentLength > _maxResponseBytes)
        {
            // Refused before a byte of the body is read.
            var declared = new ResponseTooLargeException(request, response, _maxResponseBytes, limitKey, null);
            response.Dispose();
            throw declared;
        }

        try
        {
            // Bounded: the content stops reading (and throws) once the decompressed body crosses the limit. A failure
            // here is an HttpRequestException of this attempt: transient, so a GET is retried, while a POST that got
            // this far was processed and is not resent.
            if (response.Content.Headers.ContentLength is < PooledBufferThreshold)
            {
                // A small body: HttpContent's own buffer costs less than a pooled one's header copy.
                await response.Content.LoadIntoBufferAsync(_maxResponseBytes, cancellationToken).ConfigureAwait(false);
                return;
            }

            // A large or undeclared body goes into a pooled buffer (returned when the response is disposed), not a new
            // array per response (LoadIntoBufferAsync's, a large-object allocation for every page of companies).
            var original = response.Content;
            var buffered = await BufferedResponseContent.ReadAsync(original, checked((int)Math.Min(_maxResponseBytes, int.MaxValue - 1)), cancellationToken).ConfigureAwait(false);
            if (buffered is null)
            {
                var tooLarge = new ResponseTooLargeException(request, response, _maxResponseBytes, limitKey, null);
                response.Dispose();
                throw tooLarge;
            }

            response.Content = buffered;
            original.Dispose();
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            var tooLarge = new ResponseTooLargeException(request, response, _maxResponseBytes, limitKey, null);
            response.Dispose();
            throw tooLarge;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
