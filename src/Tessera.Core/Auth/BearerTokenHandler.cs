using System.Net;
using System.Net.Http.Headers;
using Tessera.Core.Http;
using Tessera.Core.Operations;

namespace Tessera.Core.Auth;

/// <summary>
/// Adds <c>Authorization: Bearer</c> to each request whose operation is bearer-authenticated (its
/// <see cref="OperationDescriptor"/>; a request without one is authenticated too) and, when the API answers 401,
/// refreshes the token and replays the request once (approved as a resend: a request refused with 401 was not processed).
/// Generated bodies keep their bytes; any other body is buffered first, so the replay sends it again.
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _provider;

    /// <summary>Creates the handler.</summary>
    /// <param name="provider">Supplies the tokens.</param>
    public BearerTokenHandler(IAccessTokenProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ClientRequestOptions.ShouldSkipAuthentication(request)
            || OperationDescriptor.Of(request) is { Authentication: not OperationAuthentication.Bearer })
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.Content is { } content and not (ModelContent or ByteArrayContent))
        {
            // The replay after a 401 needs the body again; a streamed body can only be read once.
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        await _provider.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
        var refreshed = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        SetToken(request, refreshed);

        // A request refused with 401 was not processed, so its replay cannot duplicate anything.
        ClientRequestOptions.ApproveResend(request);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Set on the message, never on HttpClient.DefaultRequestHeaders, which are shared by concurrent requests.
    private static void SetToken(HttpRequestMessage request, AccessToken token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
}
