using System.Net;
using Tessera.Core.Http;

namespace Tessera.Core.Tests.Http;

public sealed class ResponseHeadersTests
{
    [Fact]
    public void Message_and_content_headers_are_one_case_insensitive_map()
    {
        using var response = Response();
        var headers = new ResponseHeaders(response);

        headers["x-request-id"].ShouldBe(["req-123"]);
        headers["X-REQUEST-ID"].ShouldBe(["req-123"]);
        headers.TryGetValue("content-type", out var type).ShouldBeTrue();
        type!.Single().ShouldStartWith("application/json");
        headers.ContainsKey("Retry-After").ShouldBeTrue();
        headers.ContainsKey("x-absent").ShouldBeFalse();
        headers.Count.ShouldBe(3);
        headers.Keys.ShouldBe(["X-Request-ID", "Retry-After", "Content-Type"], ignoreOrder: true, "the names as HttpClient spells them");
    }

    [Fact]
    public void The_headers_are_still_readable_after_the_response_is_disposed()
    {
        // An exception or a wrapped result keeps the map after the generated code disposed the response.
        var response = Response();
        var headers = new ResponseHeaders(response);
        response.Dispose();

        headers["x-request-id"].ShouldBe(["req-123"]);
        headers["content-type"].Single().ShouldStartWith("application/json");
    }

    [Fact]
    public void The_copy_is_taken_once_at_the_first_read()
    {
        using var response = Response();
        var headers = new ResponseHeaders(response);
        _ = headers.Count;

        // Headers added after the first read are not in the map: it is a snapshot, not a live view.
        response.Headers.Add("x-later", "1");
        headers.ContainsKey("x-later").ShouldBeFalse();
    }

    private static HttpResponseMessage Response()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        response.Headers.Add("x-request-id", "req-123");
        response.Headers.Add("Retry-After", "5");
        return response;
    }
}
