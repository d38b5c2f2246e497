using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>
/// A transport that plays scripted faults for matching requests (in order, one per attempt) and otherwise forwards to
/// its inner handler (the sandbox). Records every attempt and which of them reached the sandbox.
/// </summary>
public sealed class ScriptedHandler : DelegatingHandler
{
    private readonly Lock _sync = new();
    private readonly List<(string Method, string PathSuffix, Queue<ScriptedFault> Faults)> _rules = [];
    private readonly List<(string Method, string Path, bool Forwarded)> _attempts = [];

    public ScriptedHandler(HttpMessageHandler inner) => InnerHandler = inner;

    public IReadOnlyList<(string Method, string Path, bool Forwarded)> Attempts
    {
        get
        {
            lock (_sync)
            {
                return [.. _attempts];
            }
        }
    }

    public int AttemptsTo(string method, string pathSuffix) =>
        Attempts.Count(a => a.Method == method && a.Path.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Plays <paramref name="faults"/> on requests whose path ends with <paramref name="pathSuffix"/>.</summary>
    public ScriptedHandler On(string method, string pathSuffix, params ScriptedFault[] faults)
    {
        lock (_sync)
        {
            _rules.Add((method, pathSuffix, new Queue<ScriptedFault>(faults)));
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        ScriptedFault? fault = null;
        lock (_sync)
        {
            foreach (var rule in _rules)
            {
                if (rule.Faults.Count > 0 && rule.Method == request.Method.Method && path.EndsWith(rule.PathSuffix, StringComparison.OrdinalIgnoreCase))
                {
                    fault = rule.Faults.Dequeue();
                    break;
                }
            }

            _attempts.Add((request.Method.Method, path, fault is null || fault.Forwards));
        }

        if (fault is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        return await fault.PlayAsync(request, r => base.SendAsync(r, cancellationToken), cancellationToken);
    }
}

/// <summary>One scripted fault.</summary>
public sealed class ScriptedFault
{
    private readonly Func<HttpRequestMessage, Func<HttpRequestMessage, Task<HttpResponseMessage>>, CancellationToken, Task<HttpResponseMessage>> _play;

    private ScriptedFault(string name, bool forwards, Func<HttpRequestMessage, Func<HttpRequestMessage, Task<HttpResponseMessage>>, CancellationToken, Task<HttpResponseMessage>> play)
    {
        Name = name;
        Forwards = forwards;
        _play = play;
    }

    public string Name { get; }

    /// <summary>Whether the request reaches the sandbox.</summary>
    public bool Forwards { get; }

    public Task<HttpResponseMessage> PlayAsync(HttpRequestMessage request, Func<HttpRequestMessage, Task<HttpResponseMessage>> forward, CancellationToken cancellationToken) =>
        _play(request, forward, cancellationToken);

    public override string ToString() => Name;

    public static ScriptedFault Status(int status, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        new($"{status}", false, (request, _, _) =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
            response.Content = new ByteArrayContent(body is null ? [] : Encoding.UTF8.GetBytes(body));
            if (body is not null)
            {
                response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType + "; charset=utf-8");
            }

            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        });

    /// <summary>The connection could not be established: the request never left the client.</summary>
    public static ScriptedFault RefuseConnection() =>
        new("refused", false, (_, _, _) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused))));

    /// <summary>The server processed the request; the connection is reset after the first bytes of the body.</summary>
    public static ScriptedFault ResetMidResponse() =>
        new("reset-mid-response", true, async (request, forward, cancellationToken) =>
        {
            var real = await forward(request);
            var bytes = await real.Content.ReadAsByteArrayAsync(cancellationToken);
            var response = new HttpResponseMessage(real.StatusCode) { RequestMessage = request, Content = new StreamContent(new ResettingStream(bytes, Math.Max(1, bytes.Length / 3))) };
            foreach (var header in real.Content.Headers.Where(h => h.Key != "Content-Length"))
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            real.Dispose();
            return response;
        });

    /// <summary>The server processed the request; the client receives 503 instead of its answer.</summary>
    public static ScriptedFault StatusAfterProcessing(int status) =>
        new($"{status}-after-processing", true, async (request, forward, cancellationToken) =>
        {
            (await forward(request)).Dispose();
            return await Status(status, """{"message":"upstream failed after processing"}""").PlayAsync(request, forward, cancellationToken);
        });

    /// <summary>The answer takes longer than <paramref name="delay"/> (the request is held before the sandbox sees it).</summary>
    public static ScriptedFault Slow(TimeSpan delay) =>
        new("slow", false, async (request, forward, cancellationToken) =>
        {
            await Task.Delay(delay, cancellationToken);
            return await forward(request);
        });

    private sealed class ResettingStream(byte[] content, int cut) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= cut)
            {
                throw new IOException("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset));
            }

            var n = Math.Min(count, cut - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
