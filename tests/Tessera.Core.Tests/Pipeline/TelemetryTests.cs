using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Tessera.Core.Diagnostics;
using Tessera.Core.Operations;
using Tessera.Core.Tests.TestSupport;

namespace Tessera.Core.Tests.Pipeline;

/// <summary>One Internal span per operation, one Client span per attempt (OpenTelemetry HTTP client conventions).</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly string _operationId = "op" + Guid.NewGuid().ToString("N");

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ClientDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private HttpRequestMessage Request(string api, string path = "companies/7?access_token=tok-999&page=0")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor(api, _operationId, "GET", "/companies/{companyId}", OperationAuthentication.Bearer));
        return request;
    }

    [Fact]
    public async Task An_operation_span_parents_one_client_span_per_attempt()
    {
        using var client = new TestRuntime().Client(StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK));
        using var request = Request("Pax8");

        using var response = await client.SendAsync(request);

        var operation = _stopped.Single(a => a.OperationName == $"Pax8 {_operationId}");
        operation.Kind.ShouldBe(ActivityKind.Internal);
        operation.GetTagItem("tessera.operation_id").ShouldBe(_operationId);
        operation.GetTagItem("url.template").ShouldBe("/companies/{companyId}");
        var attempts = _stopped.Where(a => a.ParentSpanId == operation.SpanId).OrderBy(a => a.StartTimeUtc).ToList();
        attempts.Count.ShouldBe(2);
        attempts.ShouldAllBe(a => a.Kind == ActivityKind.Client && a.OperationName == "GET /companies/{companyId}");
        attempts[0].GetTagItem("http.response.status_code").ShouldBe(503);
        attempts[0].GetTagItem("error.type").ShouldBe("503");
        attempts[0].GetTagItem("http.request.resend_count").ShouldBeNull();
        attempts[1].GetTagItem("http.request.resend_count").ShouldBe(1);
        attempts[1].GetTagItem("url.full").ShouldBe("https://api.example.test/companies/7?access_token=***&page=0");
        attempts[1].GetTagItem("server.address").ShouldBe("api.example.test");
        attempts[1].GetTagItem("server.port").ShouldBe(443);
        attempts[1].Status.ShouldBe(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task A_failed_operation_marks_its_span_with_the_exception_type_the_caller_sees()
    {
        using var client = new TestRuntime().Client(new StubHandler((_, _, _) => throw new HttpRequestException("boom")));
        using var request = Request("Smartex");

        await Should.ThrowAsync<Tessera.Core.Errors.ApiConnectionException>(client.SendAsync(request));

        var operation = _stopped.Single(a => a.OperationName == $"Smartex {_operationId}");
        operation.Status.ShouldBe(ActivityStatusCode.Error);
        operation.GetTagItem("error.type").ShouldBe(typeof(Tessera.Core.Errors.ApiConnectionException).FullName);
        var attempts = _stopped.Where(a => a.ParentSpanId == operation.SpanId).ToList();
        attempts.Count.ShouldBe(4, "a GET is retried three times");
        attempts.ShouldAllBe(a => (string?)a.GetTagItem("error.type") == typeof(HttpRequestException).FullName);
    }

    [Fact]
    public async Task Without_operation_metadata_the_attempt_span_is_named_after_the_method()
    {
        var marker = "https://api.example.test/" + _operationId;
        using var client = new TestRuntime().Client(StubHandler.Always(HttpStatusCode.OK));

        using var response = await client.DeleteAsync(marker);

        _stopped.Single(a => (string?)a.GetTagItem("url.full") == marker).OperationName.ShouldBe("DELETE");
    }
}
