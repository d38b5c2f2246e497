using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tessera.Core.Diagnostics;
using Tessera.Core.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Tessera.Core.Tests.Diagnostics;

public class HttpLoggingHandlerTests
{
    private static readonly string[] Secrets =
        ["bearer-tok-111", "client-sec-222", "query-key-333", "response-tok-444", "cookie-555", "registered-666"];

    private readonly SecretRedactor _redactor = new();

    public HttpLoggingHandlerTests() => _redactor.AddSecret("registered-666");

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
        return request;
    }

    [Fact]
    public async Task Trace_logging_writes_headers_and_bodies_without_any_secret()
    {
        var logger = new CapturingLogger(LogLevel.Trace);
        var stub = SecretResponder();
        using var client = Pipeline.Create(stub, new HttpLoggingHandler(logger, _redactor));
        using var request = SecretRequest();

        using var response = await client.SendAsync(request);

        logger.Entries.Count.ShouldBe(5);
        foreach (var secret in Secrets)
        {
            logger.AllText.ShouldNotContain(secret);
        }

        logger.AllText.ShouldContain("\"client_id\":\"id\"");
        logger.AllText.ShouldContain("Set-Cookie: ***");

        // Logging must not consume the bodies.
        stub.Requests.Single().Body!.ShouldContain("client-sec-222");
        (await response.Content.ReadAsStringAsync()).ShouldContain("response-tok-444");
    }

    [Fact]
    public async Task Information_logging_writes_one_redacted_line_per_request()
    {
        var logger = new CapturingLogger(LogLevel.Information);
        using var client = Pipeline.Create(SecretResponder(), new HttpLoggingHandler(logger, _redactor));
        using var request = SecretRequest();

        using var response = await client.SendAsync(request);

        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldMatch(@"^HTTP POST https://api\.example\.test/token\?api_key=\*\*\*&page=1 -> 200 in \d+ ms$");
    }

    [Fact]
    public async Task Long_bodies_are_truncated()
    {
        var logger = new CapturingLogger(LogLevel.Trace);
        var stub = new StubHandler((_, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(new string('x', 10_000), Encoding.UTF8, "text/plain"),
        }));
        using var client = Pipeline.Create(stub, new HttpLoggingHandler(logger, _redactor));

        using var response = await client.GetAsync("big");

        var bodyLog = logger.Entries.Single(e => e.Message.Contains("response body", StringComparison.Ordinal)).Message;
        bodyLog.Length.ShouldBeLessThan(HttpLoggingHandler.MaxLoggedBodyLength + 200);
        bodyLog.ShouldEndWith("(truncated)");
        (await response.Content.ReadAsStringAsync()).Length.ShouldBe(10_000);
    }

    [Fact]
    public async Task Failures_are_logged_as_warnings_with_the_exception_type_only()
    {
        var logger = new CapturingLogger(LogLevel.Information);
        var stub = new StubHandler((_, _, _) => throw new HttpRequestException("failed sending client-sec-222"));
        using var client = Pipeline.Create(stub, new HttpLoggingHandler(logger, _redactor));

        await Should.ThrowAsync<HttpRequestException>(client.GetAsync("items"));

        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.Message.ShouldContain("System.Net.Http.HttpRequestException");
        entry.Message.ShouldNotContain("client-sec-222");
        entry.Exception.ShouldBeNull();
    }
}
