using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Smartex;
using Tessera.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>An in-memory sandbox plus a raw HttpClient for its Smartex API, with request signing done by the test.</summary>
internal sealed class SmartexTestSandbox : IAsyncDisposable
{
    private static readonly JsonSerializerOptions WireOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SmartexTestSandbox(RunningSandbox running, HttpClient http, FakeTimeProvider clock)
    {
        Running = running;
        Http = http;
        Clock = clock;
    }

    public RunningSandbox Running { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider Clock { get; }

    public SmartexSandboxState State => Running.GetState<SmartexSandboxState>();

    /// <summary>The Smartex base URL clients use (and sign): <c>http://localhost/smartex</c>.</summary>
    public string BaseUrl => new Uri(Running.BaseAddress, "smartex").AbsoluteUri;

    public static async Task<SmartexTestSandbox> StartAsync(Action<SmartexSandboxOptions>? configure = null, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(TestSandbox.Start);
        var options = new SandboxOptions { TimeProvider = clock, Pax8CompanyCount = 5 };
        configure?.Invoke(options.Smartex);
        var running = await SandboxServer.StartInMemoryAsync(options);
        var http = new HttpClient(running.CreateHandler());
        return new SmartexTestSandbox(running, http, clock);
    }

    /// <summary>Sends a request to <paramref name="pathAndQuery"/> (e.g. <c>/invoices?token=…</c>), signed by <paramref name="key"/> when given.</summary>
    public Task<SmartexReply> SendAsync(HttpMethod method, string pathAndQuery, SmartexTestKey? key = null, object? body = null) =>
        SendRawAsync(method, BaseUrl + pathAndQuery, Serialize(body), key, signedUrl: null, signedBody: null);

    /// <summary>
    /// Sends <paramref name="body"/> to <paramref name="url"/>, signing <paramref name="signedUrl"/> + <paramref name="signedBody"/>
    /// (by default what is sent) with <paramref name="key"/>; <paramref name="identity"/> overrides X-Identity.
    /// </summary>
    public async Task<SmartexReply> SendRawAsync(HttpMethod method, string url, string? body, SmartexTestKey? key, string? signedUrl, string? signedBody, string? identity = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Accept-Version", "1.0.0");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Add("X-Identity", identity ?? key.PublicKeyHex);
            request.Headers.Add("X-Signature", key.Sign((signedUrl ?? url) + (signedBody ?? body ?? string.Empty)));
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }

        return new SmartexReply(response.StatusCode, json, text);
    }

    public async Task<JsonNode> OkAsync(HttpMethod method, string pathAndQuery, SmartexTestKey? key = null, object? body = null)
    {
        var reply = await SendAsync(method, pathAndQuery, key, body);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json!;
    }

    /// <summary>Server-initiated pairing: the dashboard issues a code, the key's SIN claims it. Returns the token.</summary>
    public async Task<string> PairAsync(SmartexTestKey key, string facade)
    {
        var code = State.IssuePairingCode(facade);
        var reply = await OkAsync(HttpMethod.Post, "/tokens", body: new { id = Sin(key), pairingCode = code });
        return reply["data"]![0]!["token"]!.GetValue<string>();
    }

    public async Task<JsonObject> CreateInvoiceAsync(SmartexTestKey key, string token, object? extra = null)
    {
        var body = new JsonObject { ["price"] = 20, ["currency"] = "USD", ["token"] = token };
        if (extra is not null)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToNode(extra)!.AsObject())
            {
                body[name] = value?.DeepClone();
            }
        }

        var reply = await SendRawAsync(HttpMethod.Post, BaseUrl + "/invoices", body.ToJsonString(), key, null, null);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json!["data"]!.AsObject();
    }

    /// <summary>The SIN of a test key, from the reference vectors (not computed with the sandbox's code).</summary>
    public static string Sin(SmartexTestKey key) => key.Sin ?? throw new ArgumentException("Use a key from the reference vectors.", nameof(key));

    /// <summary>
    /// Compact JSON with minimal escaping: the bytes JavaScript's <c>JSON.stringify</c> writes, which is what a proxy
    /// such as Prism forwards after re-serializing the body (so a signature over them survives the proxy).
    /// </summary>
    public static string? Serialize(object? body) => body switch
    {
        null => null,
        string text => text,
        JsonNode node => node.ToJsonString(WireOptions),
        _ => JsonSerializer.Serialize(body, WireOptions),
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Running.DisposeAsync();
    }
}

/// <summary>A response: status, parsed JSON (when JSON) and the raw text.</summary>
internal sealed record SmartexReply(HttpStatusCode Status, JsonNode? Json, string Text)
{
    public string? Error => Json?["error"]?.GetValue<string>();
}
