using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Core.Auth;
using Tessera.Smartex.Identity;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// Each auth handler alone, through an <see cref="HttpMessageInvoker"/> over the static transport, against the same
/// request sent without it (the baseline of its category): the difference is the handler's overhead per request.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AuthHotPathBenchmarks
{
    private static readonly Uri Pax8Uri = new("https://api.pax8.com/v1/companies/5c1f8d1e-2b8a-4f6e-9d3a-7a1b2c3d4e5f");
    private static readonly Uri SmartPayUri = new("https://api.smartpay.curexe.com/1-2/create_consumer");
    private static readonly Uri SmartexUri = new("https://smartex.io/invoices");

    private static readonly KeyValuePair<string, string>[] FormFields =
    [
        new("first_name", "Bob"), new("last_name", "Test"), new("email", "bob@example.org"), new("phone", "+1 303 555 0100"),
        new("street_address", "1 Market St"), new("city", "Denver"), new("province_state", "CO"), new("country", "US"),
        new("postal_code", "80202"), new("is_dummy", "true"),
    ];

    private static readonly KeyValuePair<string, string>[] FormFieldsWithToken = [new("token", Payloads.SmartPayToken), .. FormFields];

    private static readonly byte[] InvoiceBody = Encoding.UTF8.GetBytes(
        """{"price":20,"currency":"USD","posData":"{\"orderId\":\"1001\"}","orderID":"1001","itemDesc":"Blue mug","buyerEmail":"ada@example.org","token":"9mKx2vR4tLq8WnZp5sHc7YdFj3GbXe6AuNo1iTrQwEy"}""");

    private HttpMessageInvoker _bare = null!;
    private HttpMessageInvoker _bearer = null!;
    private HttpMessageInvoker _sessionToken = null!;
    private HttpMessageInvoker _signing = null!;

    [GlobalSetup]
    public void Setup()
    {
        var empty = new CannedResponse("{}"u8.ToArray());
        _bare = new HttpMessageInvoker(new StaticResponseHandler(empty));
        _bearer = new HttpMessageInvoker(new BearerTokenHandler(Clients.CachedTokenProvider("eyJhbGciOiJub25lIn0.payload.sig"))
        {
            InnerHandler = new StaticResponseHandler(empty),
        });
        _sessionToken = new HttpMessageInvoker(Clients.SmartPaySessionTokenHandler(new StaticResponseHandler(empty)));
        _signing = new HttpMessageInvoker(new SmartexSigningHandler(Clients.SmartexIdentity()) { InnerHandler = new StaticResponseHandler(empty) });
    }

    [BenchmarkCategory("Pax8 bearer"), Benchmark(Baseline = true, Description = "GET, no auth handler")]
    public async Task Pax8_NoHandler() => await Send(_bare, new HttpRequestMessage(HttpMethod.Get, Pax8Uri)).ConfigureAwait(false);

    [BenchmarkCategory("Pax8 bearer"), Benchmark(Description = "GET + BearerTokenHandler (cached token)")]
    public async Task Pax8_BearerCachedToken() => await Send(_bearer, new HttpRequestMessage(HttpMethod.Get, Pax8Uri)).ConfigureAwait(false);

    [BenchmarkCategory("SmartPay token in body"), Benchmark(Baseline = true, Description = "form POST with the token already in it")]
    public async Task SmartPay_TokenWrittenByCaller() =>
        await Send(_bare, new HttpRequestMessage(HttpMethod.Post, SmartPayUri) { Content = new FormUrlEncodedContent(FormFieldsWithToken) }).ConfigureAwait(false);

    [BenchmarkCategory("SmartPay token in body"), Benchmark(Description = "form POST + SessionTokenHandler (cached token)")]
    public async Task SmartPay_SessionTokenHandler() =>
        await Send(_sessionToken, new HttpRequestMessage(HttpMethod.Post, SmartPayUri) { Content = new FormUrlEncodedContent(FormFields) }).ConfigureAwait(false);

    [BenchmarkCategory("Smartex signing"), Benchmark(Baseline = true, Description = "JSON POST, unsigned")]
    public async Task Smartex_Unsigned() => await Send(_bare, JsonPost()).ConfigureAwait(false);

    [BenchmarkCategory("Smartex signing"), Benchmark(Description = "JSON POST + SmartexSigningHandler")]
    public async Task Smartex_Signed() => await Send(_signing, JsonPost()).ConfigureAwait(false);

    private static HttpRequestMessage JsonPost()
    {
        var content = new ByteArrayContent(InvoiceBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, SmartexUri) { Content = content };
    }

    private static async Task Send(HttpMessageInvoker invoker, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
