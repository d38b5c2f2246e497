using System.Net;
using System.Text;

namespace Tessera.Testing;

/// <summary>
/// A terminal handler that records every request exactly as it would leave the process and
/// answers from a queue of canned responses (or a responder function).
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _respond = respond;
    }

    public List<RecordedRequest> Requests { get; } = [];

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bytes = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var body = bytes is null ? null : Encoding.UTF8.GetString(bytes);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body, bytes ?? []));
        }

        var response = _respond(request);
        response.RequestMessage = request;
        return response;
    }
}

public sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, byte[] BodyBytes)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryToken => System.Web.HttpUtility.ParseQueryString(Uri.Query)["token"];

    public string? BodyToken => Body is null ? null : (string?)Newtonsoft.Json.Linq.JObject.Parse(Body)["token"];
}
