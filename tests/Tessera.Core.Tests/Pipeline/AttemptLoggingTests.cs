using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Tessera.Core.Operations;
using Tessera.Core.Pipeline;
using Tessera.Core.Tests.TestSupport;
using Tessera.Testing;

namespace Tessera.Core.Tests.Pipeline;

/// <summary>One redacted record per attempt, one per retry decision, nothing from IHttpClientFactory's loggers.</summary>
public sealed class AttemptLoggingTests : IDisposable
{
    private static readonly string[] Secrets =
        ["bearer-tok-111", "client-sec-222", "query-key-333", "response-tok-444", "cookie-555", "registered-666"];

    private readonly TestLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private TestRuntime Runtime(LogLevel level = LogLevel.Trace)
    {
        var logs = level == LogLevel.Trace ? _logs.Factory : LoggerFactory.Create(b => b.SetMinimumLevel(level).AddProvider(_logs.Provider));
        var runtime = new TestRuntime(loggerFactory: logs);
        runtime.Redactor.AddSecret("registered-666");
        return runtime;
    }

    private static StubHandler SecretResponder() => new((_, _, _) =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{\"access_token\":\"response-tok-444\",\"note\":\"registered-666\"}", Encoding.UTF8, "application/json"),
        };
        response.Headers.Add("Set-Cookie", "session=cookie-555");
        return Task.FromResult(response);
    });

    private static HttpRequestMessage SecretRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "token?api_key=query-key-333&page=1")
        {
            Content = new StringContent("{\"client_id\":\"id\",\"client_secret\":\"client-sec-222\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bearer-tok-111");
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("Test", "issueToken", "POST", "/token", OperationAuthentication.None));
        return request;
    }

    [Fact]
    public async Task Trace_logging_writes_headers_and_bodies_without_any_secret_and_leaves_the_bodies_readable()
    {
        var stub = SecretResponder();
        using var client = Runtime().Client(stub);
        using var request = SecretRequest();

        using var response = await client.SendAsync(request);

        _logs.Records.Count.ShouldBe(5);
        foreach (var secret in Secrets)
        {
            _logs.AllText.ShouldNotContain(secret);
        }

        _logs.AllText.ShouldContain("\"client_id\":\"id\"");
        _logs.AllText.ShouldContain("Set-Cookie: ***");
        stub.Requests.Single().Body!.ShouldContain("client-sec-222");
        (await response.Content.ReadAsStringAsync()).ShouldContain("response-tok-444");
    }

    [Fact]
    public async Task Information_logging_writes_one_redacted_record_per_attempt()
    {
        using var client = Runtime(LogLevel.Information).Client(SecretResponder());
        using var request = SecretRequest();

        using var response = await client.SendAsync(request);

        var record = _logs.Records.ShouldHaveSingleItem();
        record.Level.ShouldBe(LogLevel.Information);
        record.Category.ShouldBe("Tessera.Test.Http");
        record.Message.ShouldMatch(@"^issueToken: HTTP POST https://api\.example\.test/token\?api_key=\*\*\*&page=1 -> 200, attempt 1, in \d+ ms$");
    }

    [Fact]
    public async Task Each_retry_is_one_record_with_attempt_delay_and_reason_between_the_attempts()
    {
        using var client = Runtime(LogLevel.Information).Client(StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK));

        using var response = await client.GetAsync("items?token=query-key-333");

        var messages = _logs.Records.Select(r => (r.Level, r.Id.Id, r.Message)).ToList();
        messages.Count.ShouldBe(3);
        messages[0].Message.ShouldContain("-> 503, attempt 1");
        messages[1].Level.ShouldBe(LogLevel.Warning);
        messages[1].Id.ShouldBe(7);
        messages[1].Message.ShouldBe("Retrying GET (GET https://api.example.test/items?token=***) after HTTP 503: attempt 2 of 4 in 0 ms");
        messages[2].Message.ShouldContain("-> 200, attempt 2");
    }

    [Fact]
    public async Task A_POST_that_is_not_resent_says_why()
    {
        using var client = Runtime(LogLevel.Information).Client(StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK));
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var decision = _logs.Records.Single(r => r.Id.Id == 8);
        decision.Message.ShouldContain("Not resending POST");
        decision.Message.ShouldContain("after HTTP 503");
    }

    [Fact]
    public async Task Long_bodies_are_truncated()
    {
        var stub = new StubHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(new string('x', 10_000), Encoding.UTF8, "text/plain"),
        }));
        using var client = Runtime().Client(stub);

        using var response = await client.GetAsync("big");

        var bodyLog = _logs.Records.Single(e => e.Message.Contains("response body", StringComparison.Ordinal)).Message;
        bodyLog.Length.ShouldBeLessThan(AttemptHandler.MaxLoggedBodyLength + 200);
        bodyLog.ShouldEndWith("(truncated)");
        (await response.Content.ReadAsStringAsync()).Length.ShouldBe(10_000);
    }

    [Fact]
    public async Task Failures_are_logged_as_warnings_with_the_exception_type_only()
    {
        var stub = new StubHandler((_, _, _) => throw new HttpRequestException("failed sending client-sec-222"));
        using var client = Runtime(LogLevel.Information).Client(stub);
        using var request = new HttpRequestMessage(HttpMethod.Post, "items") { Content = new StringContent("{}") };

        await Should.ThrowAsync<Tessera.Core.Errors.ApiConnectionException>(client.SendAsync(request));

        var record = _logs.Records.Single(r => r.Id.Id == 2);
        record.Level.ShouldBe(LogLevel.Warning);
        record.Message.ShouldContain("System.Net.Http.HttpRequestException");
        record.Message.ShouldNotContain("client-sec-222");
        record.Exception.ShouldBeNull();
    }
}
