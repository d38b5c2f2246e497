using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.Smartex;

/// <summary>
/// Turns every response whose JSON body is a Smartex error envelope into a <see cref="SmartexErrorException"/>,
/// whatever its status: 4xx/5xx bodies such as <c>{"error":"Invalid token"}</c> and a 200 that carries <c>error</c>
/// or a non-empty <c>errors</c> array (spec decisions S1/S13). Responses without an envelope pass through, so the
/// generated client still reads successes and still throws <see cref="SmartexApiException"/> for other failures.
/// </summary>
/// <remarks>
/// It sits outside the resilience handler (transient failures are retried first) and outside the logging handler
/// (the exchange is logged as it happened).
/// </remarks>
internal sealed class SmartexErrorEnvelopeHandler : DelegatingHandler
{
    private static readonly JsonSerializerSettings Settings = ClientJsonSettings.Create();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (SmartexErrorEnvelope.TryParse(body, Settings) is not { } envelope)
        {
            return response;
        }

        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value;
        }

        var status = (int)response.StatusCode;
        response.Dispose();
        throw new SmartexErrorException(status, body, headers, envelope);
    }
}
