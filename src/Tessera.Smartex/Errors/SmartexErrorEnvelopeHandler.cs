namespace Tessera.Smartex;

/// <summary>
/// Turns every response whose JSON body is a Smartex error envelope into a <see cref="SmartexErrorException"/>,
/// whatever its status: 4xx/5xx bodies such as <c>{"error":"Invalid token"}</c> and a 200 that carries <c>error</c>
/// or a non-empty <c>errors</c> array (spec decisions S1/S13). Responses without an envelope pass through, so the
/// generated client still reads successes and still throws <see cref="SmartexApiException"/> for other failures.
/// </summary>
/// <remarks>
/// It runs per call, after retries (transient failures are retried first). The body was read once by the runtime's
/// wire handler; a body that does not contain <c>"error</c> at all (nearly every success) costs one vectorized
/// search and is not parsed here.
/// </remarks>
internal sealed class SmartexErrorEnvelopeHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (await SmartexErrorEnvelope.FindAsync(response, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return response;
        }

        var headers = Tessera.Core.Http.ResponseHeaderMap.From(response);
        var status = (int)response.StatusCode;
        response.Dispose();
        throw new SmartexErrorException(status, found.Body, headers, found.Envelope);
    }
}
