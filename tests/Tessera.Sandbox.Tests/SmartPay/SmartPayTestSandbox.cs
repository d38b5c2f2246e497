using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tessera.Sandbox.SmartPay;
using Tessera.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Sandbox.Tests.SmartPay;

/// <summary>An in-memory sandbox plus a raw HttpClient pointed at <c>/smartpay/1-2/</c>, speaking form or JSON bodies.</summary>
internal sealed class SmartPayTestSandbox : IAsyncDisposable
{
    private SmartPayTestSandbox(RunningSandbox running, HttpClient http, FakeTimeProvider clock)
    {
        Running = running;
        Http = http;
        Clock = clock;
    }

    public RunningSandbox Running { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider Clock { get; }

    public SmartPaySandboxState State => Running.GetState<SmartPaySandboxState>();

    /// <summary>The session token of the last <see cref="AuthenticateAsync"/>.</summary>
    public string Token { get; private set; } = string.Empty;

    public static async Task<SmartPayTestSandbox> StartAsync(Action<SandboxOptions>? configure = null, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(TestSandbox.Start);
        var options = new SandboxOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var running = await SandboxServer.StartInMemoryAsync(options);
        var http = new HttpClient(running.CreateHandler()) { BaseAddress = new Uri(running.BaseAddress, "smartpay/1-2/") };
        return new SmartPayTestSandbox(running, http, clock);
    }

    public static async Task<SmartPayTestSandbox> StartAuthenticatedAsync(Action<SandboxOptions>? configure = null)
    {
        var sandbox = await StartAsync(configure);
        await sandbox.AuthenticateAsync();
        return sandbox;
    }

    public async Task<string> AuthenticateAsync(string apiKey = SmartPaySandboxOptions.DefaultApiKey)
    {
        var body = await PostFormAsync("authenticate", ("api_key", apiKey));
        Token = body["result"]!["token"]!.GetValue<string>();
        return Token;
    }

    /// <summary>POSTs a form-urlencoded body (the client's encoding) and returns the JSON, asserting HTTP 200.</summary>
    public async Task<JsonObject> PostFormAsync(string endpoint, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));
        using var response = await Http.PostAsync(endpoint, content);
        return await ReadOkAsync(response);
    }

    /// <summary>Like <see cref="PostFormAsync"/> with the session token added.</summary>
    public Task<JsonObject> CallAsync(string endpoint, params (string Name, string Value)[] fields) =>
        PostFormAsync(endpoint, [("token", Token), .. fields]);

    /// <summary>POSTs a JSON body and returns the JSON, asserting HTTP 200.</summary>
    public async Task<JsonObject> PostJsonAsync(string endpoint, object body)
    {
        using var response = await Http.PostAsJsonAsync(endpoint, body);
        return await ReadOkAsync(response);
    }

    /// <summary>Every element of every page of a list (100 a page).</summary>
    public async Task<List<JsonObject>> GetAllAsync(string endpoint, params (string Name, string Value)[] filters)
    {
        var all = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var body = await CallAsync(endpoint, [.. filters, ("page", page.ToString(CultureInfo.InvariantCulture))]);
            body.ShouldBeSuccess();
            all.AddRange(body["result"]!.AsArray().Select(item => item!.AsObject()));
            if (page >= body["total_pages"]!.GetValue<int>())
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

    private static async Task<JsonObject> ReadOkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonNode.Parse(text)!.AsObject();
    }
}

/// <summary>Assertions on SmartPay envelopes.</summary>
internal static class SmartPayAssertions
{
    public static void ShouldBeSuccess(this JsonObject body)
    {
        body.ContainsKey("errors").ShouldBeFalse(body.ToJsonString());
        body.ContainsKey("result").ShouldBeTrue(body.ToJsonString());
        body["requested_on"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");
    }

    /// <summary>The body is a failure (no result) whose errors map holds <paramref name="code"/>; returns its message.</summary>
    public static string ShouldBeError(this JsonObject body, string code)
    {
        body.ContainsKey("result").ShouldBeFalse(body.ToJsonString());
        var errors = body["errors"].ShouldBeOfType<JsonObject>();
        errors.ContainsKey(code).ShouldBeTrue(body.ToJsonString());
        return errors[code]!.GetValue<string>();
    }

    public static string Field(this JsonObject body, string name) => body["fields"]![name]!.GetValue<string>();

    public static List<JsonObject> Results(this JsonObject body) => [.. body["result"]!.AsArray().Select(item => item!.AsObject())];

    public static string Text(this JsonNode? node) => node!.GetValue<string>();
}
