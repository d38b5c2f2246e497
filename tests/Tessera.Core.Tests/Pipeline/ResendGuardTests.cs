using System.Net;
using Tessera.Core.Errors;
using Tessera.Core.Http;
using Tessera.Core.Operations;
using Tessera.Core.Pipeline;
using Tessera.Core.Tests.TestSupport;

namespace Tessera.Core.Tests.Pipeline;

/// <summary>No handler the client did not approve can send a POST twice.</summary>
public class ResendGuardTests
{
    [Fact]
    public async Task A_handler_that_resends_a_POST_inside_the_chain_is_refused_and_the_wire_sees_one_send()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.Created);
        var runtime = new TestRuntime(configure: p => p.Add(PipelineStage.InjectedFields, new NaiveRetryHandler()));
        using var client = runtime.Client(stub);
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{}") };

        var exception = await Should.ThrowAsync<ResendRefusedException>(client.SendAsync(request));

        stub.Count.ShouldBe(1);
        exception.Sends.ShouldBe(1);
        exception.Message.ShouldContain("may have been processed");
    }

    [Fact]
    public async Task A_GET_may_be_resent_by_any_handler()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var runtime = new TestRuntime(configure: p => p.Add(PipelineStage.InjectedFields, new NaiveRetryHandler()));
        using var client = runtime.Client(stub);

        using var response = await client.GetAsync("orders");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_operation_marked_safe_to_retry_may_be_resent()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var runtime = new TestRuntime(configure: p => p.Add(PipelineStage.InjectedFields, new NaiveRetryHandler()));
        using var client = runtime.Client(stub);
        using var request = new HttpRequestMessage(HttpMethod.Post, "search") { Content = new StringContent("{}") };
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("Test", "search", "POST", "/search", OperationAuthentication.None, safeToRetry: true));

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_replay_the_client_approves_goes_out_once_more()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.Unauthorized, HttpStatusCode.Created);
        var runtime = new TestRuntime(configure: p => p.Add(PipelineStage.Authentication, new ApprovingReplayHandler()));
        using var client = runtime.Client(stub);
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = new StringContent("{}") };

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        stub.Count.ShouldBe(2);
    }

    /// <summary>What a host's own retry handler does: send again on a 5xx, whatever the method.</summary>
    private sealed class NaiveRetryHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500)
            {
                return response;
            }

            response.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>What an authentication handler does after a 401: approve, then replay once.</summary>
    private sealed class ApprovingReplayHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            response.Dispose();
            ClientRequestOptions.ApproveResend(request);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
