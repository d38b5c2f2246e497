using System.Net;
using System.Text;
using Tessera.Core.Http;
using Tessera.Smartex.Identity;

namespace Tessera.Smartex.Tests.Identity;

public sealed class SmartexSigningHandlerTests
{
    [Fact]
    public async Task Signs_the_exact_bytes_that_reach_the_transport()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.A.PrivateKey);
        var transport = new VerifyingTransport();
        using var client = CreateClient(identity, transport);
        var body = "{\"currency\":\"USD\",\"price\":10,\"token\":\"3yHuXP7GVbqEh1rsDaodCzbMR5TZsxbMHEPnigsKyY86\"}";

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("invoices", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var seen = transport.Requests.ShouldHaveSingleItem();
        seen.Valid.ShouldBeTrue();
        seen.Body.ShouldBe(Encoding.UTF8.GetBytes(body));
        seen.Identity.ShouldBe(TestVectors.A.PublicKey);
        seen.Signature.ShouldBe(TestVectors.A.Signature); // the vector A message is exactly URL + body
        seen.AcceptVersion.ShouldBe("1.0.0");
    }

    [Fact]
    public async Task Signs_get_requests_over_url_and_query_with_empty_body()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.C.PrivateKey);
        var transport = new VerifyingTransport();
        using var client = CreateClient(identity, transport);

        using var response = await client.GetAsync(new Uri("invoices/AbCdEfGhIjKlMnOpQrStUv?token=5dF8eJxq9mQ1vRb2sTn4kLw7yZc3uHp6aGd0iEo", UriKind.Relative));

        var seen = transport.Requests.ShouldHaveSingleItem();
        seen.Valid.ShouldBeTrue();
        seen.Body.ShouldBeEmpty();
        seen.Signature.ShouldBe(TestVectors.C.Signatures.Select(row => (string)row[1]).Last());
    }

    [Fact]
    public async Task Signs_a_streamed_body_once_and_sends_the_same_bytes()
    {
        var identity = SmartexIdentity.Generate();
        var transport = new VerifyingTransport();
        using var client = CreateClient(identity, transport);
        var bytes = Encoding.UTF8.GetBytes("{\"items\":[{\"description\":\"Zoë\",\"price\":1.5,\"quantity\":2}]}");

        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var response = await client.PutAsync(new Uri("bills/abc", UriKind.Relative), content);

        var seen = transport.Requests.ShouldHaveSingleItem();
        seen.Valid.ShouldBeTrue();
        seen.Body.ShouldBe(bytes);
    }

    [Fact]
    public async Task Sets_headers_on_the_message_never_on_default_headers()
    {
        var transport = new VerifyingTransport();
        using var client = CreateClient(SmartexIdentity.Generate(), transport);

        using (await client.GetAsync(new Uri("tokens", UriKind.Relative)))
        {
        }

        client.DefaultRequestHeaders.Contains(SmartexHeaders.Identity).ShouldBeFalse();
        client.DefaultRequestHeaders.Contains(SmartexHeaders.Signature).ShouldBeFalse();
        transport.Requests.ShouldHaveSingleItem().Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Keeps_an_existing_accept_version_and_replaces_stale_signatures()
    {
        var identity = SmartexIdentity.Generate();
        var transport = new VerifyingTransport();
        using var client = CreateClient(identity, transport);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("ledgers?token=m", UriKind.Relative));
        request.Headers.TryAddWithoutValidation(SmartexHeaders.AcceptVersion, "2.0.0");
        request.Headers.TryAddWithoutValidation(SmartexHeaders.Signature, "3006020101020101");

        using (await client.SendAsync(request))
        {
        }

        var seen = transport.Requests.ShouldHaveSingleItem();
        seen.AcceptVersion.ShouldBe("2.0.0");
        seen.SignatureCount.ShouldBe(1);
        seen.Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Resending_the_same_message_re_signs_it()
    {
        var identity = SmartexIdentity.Generate();
        var transport = new VerifyingTransport();
        using var invoker = new HttpMessageInvoker(new SmartexSigningHandler(identity) { InnerHandler = transport });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://smartex.io/invoices")
        {
            Content = new StringContent("{\"price\":1}", Encoding.UTF8, "application/json"),
        };

        using (await invoker.SendAsync(request, CancellationToken.None))
        {
        }

        request.RequestUri = new Uri("https://test.smartex.io/invoices");
        using (await invoker.SendAsync(request, CancellationToken.None))
        {
        }

        transport.Requests.Count.ShouldBe(2);
        transport.Requests.ShouldAllBe(r => r.Valid && r.SignatureCount == 1);
        transport.Requests[0].Signature.ShouldNotBe(transport.Requests[1].Signature);
    }

    [Fact]
    public async Task Skip_authentication_sends_the_request_unsigned_with_the_version_header()
    {
        var transport = new VerifyingTransport();
        using var client = CreateClient(SmartexIdentity.Generate(), transport);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("rates", UriKind.Relative));
        ClientRequestOptions.SetSkipAuthentication(request);

        using (await client.SendAsync(request))
        {
        }

        var seen = transport.Requests.ShouldHaveSingleItem();
        seen.Identity.ShouldBeNull();
        seen.Signature.ShouldBeNull();
        seen.AcceptVersion.ShouldBe("1.0.0");
    }

    [Fact]
    public void Constructor_requires_an_identity()
    {
        Should.Throw<ArgumentNullException>(() => new SmartexSigningHandler(null!));
    }

    private static HttpClient CreateClient(SmartexIdentity identity, HttpMessageHandler transport) =>
        new(new SmartexSigningHandler(identity) { InnerHandler = transport })
        {
            BaseAddress = new Uri("https://smartex.io/"),
        };

    private sealed record SeenRequest(byte[] Body, string? Identity, string? Signature, int SignatureCount, string? AcceptVersion, bool Valid);

    /// <summary>Terminal in-memory transport: reads the body as it would be written to the wire and verifies the signature.</summary>
    private sealed class VerifyingTransport : HttpMessageHandler
    {
        public List<SeenRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            byte[] body = [];
            if (request.Content is not null)
            {
                using var wire = new MemoryStream();
                await request.Content.CopyToAsync(wire, cancellationToken);
                body = wire.ToArray();
            }

            var identity = Single(request, SmartexHeaders.Identity);
            var signatures = request.Headers.TryGetValues(SmartexHeaders.Signature, out var values) ? values.ToList() : [];
            var signature = signatures.FirstOrDefault();
            var valid = identity is not null && signature is not null
                && SmartexSignature.Verify(identity, SmartexRequestSigner.BuildMessage(request.RequestUri!, body), signature);
            Requests.Add(new SeenRequest(body, identity, signature, signatures.Count, Single(request, SmartexHeaders.AcceptVersion), valid));
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{\"data\":{}}") };
        }

        private static string? Single(HttpRequestMessage request, string name) =>
            request.Headers.TryGetValues(name, out var values) ? values.Single() : null;
    }

    /// <summary>A body that can be read only once, like a request stream.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
