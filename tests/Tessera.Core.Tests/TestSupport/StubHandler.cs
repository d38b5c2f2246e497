using System.Collections.Concurrent;
using System.Net;

namespace Tessera.Core.Tests.TestSupport;

internal sealed record RecordedRequest(HttpMethod Method, Uri? Uri, string? Authorization, string? Body);

/// <summary>The terminal handler: records each request and answers with the supplied function.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    public StubHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int Count => Volatile.Read(ref _count);

    public static StubHandler Sequence(params HttpStatusCode[] statuses) =>
        new((_, attempt, _) => Task.FromResult(new HttpResponseMessage(statuses[Math.Min(attempt, statuses.Length - 1)])));

    public static StubHandler Always(HttpStatusCode status) => Sequence(status);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // CopyTo streams the content like a real transport does, so an unbuffered one-shot body fails on resend.
        string? body = null;
        if (request.Content is not null)
        {
            using var buffer = new MemoryStream();
            await request.Content.CopyToAsync(buffer, cancellationToken);
            body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        _requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri, request.Headers.Authorization?.ToString(), body));
        var attempt = Interlocked.Increment(ref _count) - 1;
        var response = await _respond(request, attempt, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

internal static class TestPipeline
{
    /// <summary>Chains the handlers (outermost first) in front of the stub.</summary>
    public static HttpClient Create(HttpMessageHandler terminal, params DelegatingHandler[] handlers) =>
        new(Chain(handlers, terminal)) { BaseAddress = new Uri("https://api.example.test/") };

    /// <summary>Links <paramref name="handlers"/> (outermost first) in front of <paramref name="terminal"/>.</summary>
    public static HttpMessageHandler Chain(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler terminal)
    {
        HttpMessageHandler inner = terminal;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}

/// <summary>A non-seekable stream, so content can be sent twice only if something buffered it.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;

    public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

    public override long Position
    {
        get => base.Position;
        set => throw new NotSupportedException();
    }
}
