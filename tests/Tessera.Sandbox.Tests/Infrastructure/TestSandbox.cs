using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Sandbox.Tests.Infrastructure;

/// <summary>An in-memory sandbox plus a raw HttpClient pointed at its Pax8 base URL.</summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    private TestSandbox(RunningSandbox running, HttpClient http, FakeTimeProvider clock)
    {
        Running = running;
        Http = http;
        Clock = clock;
    }

    /// <summary>
    /// Where every test's fake clock starts: a fixed instant, so seeded dates (relative to the sandbox clock's
    /// month) are the same on every run and on every date the suite runs.
    /// </summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 16, 15, 30, 0, TimeSpan.Zero);

    public RunningSandbox Running { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider Clock { get; }

    public Pax8SandboxState State => Running.Pax8;

    public static async Task<TestSandbox> StartAsync(Action<SandboxOptions>? configure = null, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(TestSandbox.Start);
        var options = new SandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var running = await SandboxServer.StartInMemoryAsync(options);
        var http = new HttpClient(running.CreateHandler()) { BaseAddress = running.Pax8BaseUrl };
        return new TestSandbox(running, http, clock);
    }

    /// <summary>Starts a sandbox and authorizes its client with a fresh token.</summary>
    public static async Task<TestSandbox> StartAuthorizedAsync(Action<SandboxOptions>? configure = null, FakeTimeProvider? clock = null)
    {
        var sandbox = await StartAsync(configure, clock);
        await sandbox.AuthorizeAsync();
        return sandbox;
    }

    public static object TokenRequest(string clientId = SandboxOptions.DefaultPax8ClientId, string secret = SandboxOptions.DefaultPax8ClientSecret, string audience = "https://api.pax8.com", string grantType = "client_credentials") =>
        new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret, ["audience"] = audience, ["grant_type"] = grantType };

    public async Task<string> AuthorizeAsync()
    {
        using var response = await Http.PostAsJsonAsync("token", TokenRequest());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public async Task<JsonObject> GetOkAsync(string path)
    {
        var (status, body, response) = await SendAsync(HttpMethod.Get, path);
        using (response)
        {
            status.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
            return body!.AsObject();
        }
    }

    public async Task<JsonNode?> SendExpectingAsync(HttpStatusCode expected, HttpMethod method, string path, object? body = null)
    {
        var (status, json, response) = await SendAsync(method, path, body);
        using (response)
        {
            status.ShouldBe(expected, json?.ToJsonString());
            return json;
        }
    }

    /// <summary>Every element of every page of a paged list, read at the maximum page size.</summary>
    public async Task<List<JsonObject>> GetAllAsync(string path)
    {
        var all = new List<JsonObject>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        for (var page = 0; ; page++)
        {
            var body = await GetOkAsync($"{path}{separator}size=200&page={page}");
            all.AddRange(body["content"]!.AsArray().Select(item => item!.AsObject()));
            if (page + 1 >= body["page"]!["totalPages"]!.GetValue<int>())
            {
                return all;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Running.DisposeAsync();
    }
}

/// <summary>Assertions on the Partner API's error envelope.</summary>
internal static class ErrorBody
{
    public static void ShouldBeError(this JsonNode? body, int status, string type)
    {
        body.ShouldNotBeNull();
        body["type"]!.GetValue<string>().ShouldBe(type);
        body["status"]!.GetValue<int>().ShouldBe(status);
        body["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body["instance"]!.GetValue<string>().ShouldStartWith("/public/v1/");
        body["details"].ShouldBeOfType<JsonArray>();
    }
}

/// <summary>One read-only sandbox shared by the tests of a class (starting one per test would be slower).</summary>
public sealed class SharedSandbox : IAsyncLifetime
{
    internal TestSandbox TestSandbox { get; private set; } = null!;

    public async Task InitializeAsync() => TestSandbox = await TestSandbox.StartAuthorizedAsync(options => options.Pax8RequestsPerMinute = 0);

    public async Task DisposeAsync() => await TestSandbox.DisposeAsync();
}
