using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Tessera.Core.Diagnostics;
using Tessera.Core.Http;
using Tessera.Core.Operations;
using Tessera.Core.Tests.TestSupport;

namespace Tessera.Core.Tests.Diagnostics;

public sealed class TelemetryHandlerTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly string _operationId = "op" + Guid.NewGuid().ToString("N");

    public TelemetryHandlerTests()
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

    private Activity Recorded(string name) => _stopped.Single(a => a.OperationName == name);

    [Fact]
    public async Task A_span_named_after_the_operation_records_method_redacted_url_and_status()
    {
        using var client = Pipeline.Create(StubHandler.Always(HttpStatusCode.OK), new TelemetryHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "companies?access_token=tok-999&page=0");
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("Pax8", _operationId, "GET", "/companies", OperationAuthentication.Bearer));

        using var response = await client.SendAsync(request);

        var activity = Recorded($"Pax8.{_operationId}");
        activity.Kind.ShouldBe(ActivityKind.Client);
        activity.GetTagItem("http.request.method").ShouldBe("GET");
        activity.GetTagItem("url.full").ShouldBe("https://api.example.test/companies?access_token=***&page=0");
        activity.GetTagItem("http.response.status_code").ShouldBe(200);
        activity.Status.ShouldBe(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task Error_responses_and_exceptions_mark_the_span_as_failed()
    {
        using var failing = Pipeline.Create(StubHandler.Always(HttpStatusCode.BadGateway), new TelemetryHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "a");
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("SmartPay", _operationId, "GET", "/a", OperationAuthentication.InjectedToken));
        using var throwing = Pipeline.Create(new StubHandler((_, _, _) => throw new HttpRequestException("boom")), new TelemetryHandler());
        using var second = new HttpRequestMessage(HttpMethod.Get, "b");
        second.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("Smartex", _operationId, "GET", "/b", OperationAuthentication.Signature));

        using var response = await failing.SendAsync(request);
        await Should.ThrowAsync<HttpRequestException>(throwing.SendAsync(second));

        var statusSpan = Recorded($"SmartPay.{_operationId}");
        statusSpan.Status.ShouldBe(ActivityStatusCode.Error);
        statusSpan.GetTagItem("error.type").ShouldBe("502");
        var exceptionSpan = Recorded($"Smartex.{_operationId}");
        exceptionSpan.Status.ShouldBe(ActivityStatusCode.Error);
        exceptionSpan.GetTagItem("error.type").ShouldBe(typeof(HttpRequestException).FullName);
    }

    [Fact]
    public async Task Without_operation_metadata_the_span_is_named_after_the_method()
    {
        var marker = "https://api.example.test/" + _operationId;
        using var client = Pipeline.Create(StubHandler.Always(HttpStatusCode.OK), new TelemetryHandler());

        using var response = await client.DeleteAsync(marker);

        _stopped.Single(a => (string?)a.GetTagItem("url.full") == marker).OperationName.ShouldBe("HTTP DELETE");
    }
}
