using Generated.Runtime.Http;

namespace Generated.Pax8.Authentication;

/// <summary>
/// Sends the <c>createAccessToken</c> operation to the configured token URL, which need not sit
/// under the API's base address (Pax8 has used three token hosts, see discrepancy D12).
/// </summary>
internal sealed class TokenEndpointHandler : DelegatingHandler
{
    private const string TokenOperationId = "createAccessToken";
    private readonly Uri _tokenUrl;

    public TokenEndpointHandler(Uri tokenUrl)
    {
        _tokenUrl = tokenUrl;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ClientRequestOptions.OperationId, out var operationId) && operationId == TokenOperationId)
        {
            request.RequestUri = _tokenUrl;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
