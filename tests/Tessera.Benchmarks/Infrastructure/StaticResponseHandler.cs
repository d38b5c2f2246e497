using System.Net;
using System.Net.Http.Headers;

namespace Tessera.Benchmarks.Infrastructure;

/// <summary>A canned response: pre-encoded UTF-8 bytes and a status.</summary>
public readonly record struct CannedResponse(byte[] Body, HttpStatusCode Status = HttpStatusCode.OK, string MediaType = "application/json");

/// <summary>
/// The one in-memory terminal handler of every variant (as Refit's <c>StaticValueHttpResponseHandler</c>): each call
/// returns a NEW <see cref="HttpResponseMessage"/> over pre-encoded bytes (a body can be read once), completed
/// synchronously. The request body, if any, is drained so that lazily serialized content really is produced.
/// </summary>
public sealed class StaticResponseHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CannedResponse> _respond;

    public StaticResponseHandler(CannedResponse response) : this(_ => response)
    {
    }

    public StaticResponseHandler(Func<HttpRequestMessage, CannedResponse> respond) => _respond = respond;

    /// <summary>Requests answered so far.</summary>
    public long Calls { get; private set; }

    // The request body is drained as a socket transport would write it: a lazily serialized body (the generated
    // clients' form content) is produced here, so no variant skips its serialization because nothing read the request.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            var drain = content.CopyToAsync(Stream.Null, cancellationToken);
            if (!drain.IsCompletedSuccessfully)
            {
                return DrainThenRespondAsync(drain, request);
            }
        }

        return Task.FromResult(Respond(request));
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content?.CopyTo(Stream.Null, null, cancellationToken);
        return Respond(request);
    }

    private async Task<HttpResponseMessage> DrainThenRespondAsync(Task drain, HttpRequestMessage request)
    {
        await drain.ConfigureAwait(false);
        return Respond(request);
    }

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        Calls++;
        var canned = _respond(request);
        var content = new ByteArrayContent(canned.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(canned.MediaType) { CharSet = "utf-8" };
        return new HttpResponseMessage(canned.Status) { Content = content, RequestMessage = request };
    }
}
