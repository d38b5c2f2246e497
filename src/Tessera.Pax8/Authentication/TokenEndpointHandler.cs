using Tessera.Core.Operations;

namespace Tessera.Pax8.Authentication;

/// <summary>
/// Sends the operation that issues credentials (<c>x-issues-credentials</c>: <c>createAccessToken</c>) to the
/// configured token URL, which need not sit under the API's base address (Pax8 has used three token hosts, see
/// discrepancy D12).
/// </summary>
internal sealed class TokenEndpointHandler : DelegatingHandler
{
    private readonly Uri _tokenUrl;

    public TokenEndpointHandler(Uri tokenUrl)
    {
        _tokenUrl = tokenUrl;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (OperationDescriptor.Of(request) is { IssuesCredentials: true })
        {
            request.RequestUri = _tokenUrl;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
