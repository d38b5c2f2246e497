using Tessera.Core.Http;
using Tessera.Core.Operations;

namespace Tessera.Core.Tests.Http;

public class ClientRequestOptionsTests
{
    [Fact]
    public void Options_are_absent_by_default()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://x.test/");

        ClientRequestOptions.IsSafeToRetry(request).ShouldBeFalse();
        ClientRequestOptions.ShouldSkipAuthentication(request).ShouldBeFalse();
        ClientRequestOptions.GetApiName(request).ShouldBeNull();
        ClientRequestOptions.GetOperationId(request).ShouldBeNull();
    }

    [Fact]
    public void The_operation_comes_from_the_descriptor_and_x_safe_to_retry_counts_as_safe()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://x.test/");
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("Pax8", "createAccessToken", "POST", "/token", OperationAuthentication.None, safeToRetry: true));

        ClientRequestOptions.GetApiName(request).ShouldBe("Pax8");
        ClientRequestOptions.GetOperationId(request).ShouldBe("createAccessToken");
        ClientRequestOptions.IsSafeToRetry(request).ShouldBeTrue();
    }

    [Fact]
    public void Options_set_through_the_helpers_are_read_back()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://x.test/");
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("Pax8", "createOrder", "POST", "/orders", OperationAuthentication.Bearer));

        ClientRequestOptions.SetSafeToRetry(request);
        ClientRequestOptions.SetSkipAuthentication(request);

        ClientRequestOptions.GetApiName(request).ShouldBe("Pax8");
        ClientRequestOptions.GetOperationId(request).ShouldBe("createOrder");
        ClientRequestOptions.IsSafeToRetry(request).ShouldBeTrue();
        ClientRequestOptions.ShouldSkipAuthentication(request).ShouldBeTrue();

        request.Options.Set(ClientRequestOptions.SafeToRetry, false);
        ClientRequestOptions.IsSafeToRetry(request).ShouldBeFalse();
    }
}
