using System.Net;
using System.Text;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Http;
using Tessera.Core.Tests.TestSupport;

namespace Tessera.Core.Tests.Auth;

public class BearerTokenHandlerTests
{
    private int _acquisitions;

    private CachingTokenProvider CreateProvider() => new(
        _ =>
        {
            var n = Interlocked.Increment(ref _acquisitions);
            return Task.FromResult(new AccessToken($"token-{n}", DateTimeOffset.UtcNow.AddHours(1)));
        },
        new MemoryTokenCache(),
        "key");

    [Fact]
    public async Task Sets_the_bearer_token_on_the_request_not_on_shared_headers()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK);
        using var client = TestPipeline.Create(stub, new BearerTokenHandler(CreateProvider()));

        using var response = await client.GetAsync("items");

        stub.Requests.Single().Authorization.ShouldBe("Bearer token-1");
        client.DefaultRequestHeaders.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task SkipAuthentication_sends_the_request_untouched()
    {
        var stub = StubHandler.Always(HttpStatusCode.OK);
        using var client = TestPipeline.Create(stub, new BearerTokenHandler(CreateProvider()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token");
        ClientRequestOptions.SetSkipAuthentication(request);

        using var response = await client.SendAsync(request);

        stub.Requests.Single().Authorization.ShouldBeNull();
        _acquisitions.ShouldBe(0);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_and_replays_the_request_once_with_the_same_body()
    {
        var stub = StubHandler.Sequence(HttpStatusCode.Unauthorized, HttpStatusCode.OK);
        using var client = TestPipeline.Create(stub, new BearerTokenHandler(CreateProvider()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders")
        {
            Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes("{\"sku\":\"ABC\"}"))),
        };

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Requests.Select(r => r.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
        stub.Requests.Select(r => r.Body).ShouldBe(["{\"sku\":\"ABC\"}", "{\"sku\":\"ABC\"}"]);
    }

    [Fact]
    public async Task A_second_401_is_returned_to_the_caller()
    {
        var stub = StubHandler.Always(HttpStatusCode.Unauthorized);
        using var client = TestPipeline.Create(stub, new BearerTokenHandler(CreateProvider()));

        using var response = await client.GetAsync("items");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        stub.Count.ShouldBe(2);
        _acquisitions.ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_401s_for_the_same_token_cause_a_single_refresh()
    {
        var stub = new StubHandler((request, _, _) => Task.FromResult(new HttpResponseMessage(
            request.Headers.Authorization!.Parameter == "token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK)));
        using var client = TestPipeline.Create(stub, new BearerTokenHandler(CreateProvider()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("items")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        _acquisitions.ShouldBe(2);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
