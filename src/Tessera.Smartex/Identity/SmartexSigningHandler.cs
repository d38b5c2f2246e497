using Tessera.Core.Http;

namespace Tessera.Smartex.Identity;

/// <summary>
/// Signs every outgoing request after serialization: buffers the body, signs the full URL followed by the exact body
/// bytes, and sets <c>X-Identity</c> and <c>X-Signature</c> on the request message (never on the shared default
/// headers). Adds <c>X-Accept-Version: 1.0.0</c> when the request has none.
/// </summary>
/// <remarks>
/// A request marked with <see cref="ClientRequestOptions.SkipAuthentication"/> is sent unsigned (the public facade
/// calls may be). The handler re-signs on every pass, so a retry handler placed outside it resends a valid signature.
/// </remarks>
public sealed class SmartexSigningHandler : DelegatingHandler
{
    private readonly SmartexIdentity _identity;

    /// <summary>Creates the handler.</summary>
    /// <param name="identity">The client identity that signs.</param>
    public SmartexSigningHandler(SmartexIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.Contains(SmartexHeaders.AcceptVersion))
        {
            request.Headers.TryAddWithoutValidation(SmartexHeaders.AcceptVersion, SmartexHeaders.AcceptVersionValue);
        }

        request.Headers.Remove(SmartexHeaders.Identity);
        request.Headers.Remove(SmartexHeaders.Signature);
        if (ClientRequestOptions.ShouldSkipAuthentication(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var requestUri = request.RequestUri
            ?? throw new InvalidOperationException("The request has no RequestUri; Smartex signs the absolute URL.");
        SmartexRequestSignature signature;
        if (request.Content is ModelContent model)
        {
            // A generated body serializes once and keeps its bytes: the signature covers exactly what is sent.
            signature = SmartexRequestSigner.Sign(_identity, requestUri, model.GetBytes().Span);
        }
        else if (request.Content is not null)
        {
            // Buffering makes the transport send exactly the bytes read here.
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            signature = SmartexRequestSigner.Sign(_identity, requestUri, await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        else
        {
            signature = SmartexRequestSigner.Sign(_identity, requestUri, ReadOnlySpan<byte>.Empty);
        }

        request.Headers.TryAddWithoutValidation(SmartexHeaders.Identity, signature.Identity);
        request.Headers.TryAddWithoutValidation(SmartexHeaders.Signature, signature.Signature);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
