using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Benchmarks.Peers;
using Tessera.SmartPay;
using KiotaRequest = Tessera.Benchmarks.Peers.KiotaSmartPay.Models.CreateConsumerRequest;
using KiotaResponse = Tessera.Benchmarks.Peers.KiotaSmartPay.Models.ConsumerReferenceResponse;
using NSwagStockRequest = Tessera.Benchmarks.Peers.NSwagStockSmartPay.CreateConsumerRequest;
using NSwagStockResponse = Tessera.Benchmarks.Peers.NSwagStockSmartPay.ConsumerReferenceResponse;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// SmartPay <c>POST create_consumer</c>: a form body carrying the cached session token. The peers put the cached
/// token into the body themselves (their users' code, per call); stock NSwag sends the model as JSON under a form
/// content type (it cannot write an OpenAPI 3 form body), measured anyway as what a stock user gets.
/// </summary>
public class FormPostBenchmarks
{
    private static readonly KeyValuePair<string, string>[] Fields =
    [
        new("first_name", "Bob"), new("last_name", "Test"), new("email", "bob@example.org"), new("phone", "+1 303 555 0100"),
        new("street_address", "1 Market St"), new("city", "Denver"), new("province_state", "CO"), new("country", "US"),
        new("postal_code", "80202"), new("is_dummy", "true"),
    ];

    private BaselineClient _baseline = null!;
    private SmartPayClient _generated = null!;
    private SmartPayClient _fullChain = null!;
    private SmartPayClient _fullChainJsonNet = null!;
    private IRefitSmartPayApi _refit = null!;
    private Peers.KiotaSmartPay.KiotaSmartPayClient _kiota = null!;
    private Peers.NSwagStockSmartPay.NSwagStockSmartPayClient _nswagStock = null!;

    [GlobalSetup]
    public void Setup()
    {
        var response = new CannedResponse(Payloads.Utf8(Payloads.SmartPayConsumerReference));
        _baseline = Clients.Baseline(response, Clients.SmartPayBaseUrl);
        _generated = Clients.SmartPay(response);
        _fullChain = Clients.SmartPayFullChain(response);
        _fullChainJsonNet = Clients.SmartPayFullChain(response);
        _fullChainJsonNet.UseSystemTextJsonWhenExact = false;
        Check.Mirrored<ConsumerReferenceResponse>(Payloads.Utf8(Payloads.SmartPayConsumerReference));
        Check.Equal(_fullChain.CreateConsumerAsync(Request()).GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
        Check.Equal(_fullChainJsonNet.CreateConsumerAsync(Request()).GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
        Check.Equal(_generated.CreateConsumerAsync(Request()).GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
        Check.Equal(_baseline.CreateConsumerAsync(Payloads.SmartPayToken, Fields).GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
        _refit = PeerClients.RefitSmartPay(response);
        _kiota = PeerClients.KiotaSmartPay(response);
        _nswagStock = PeerClients.NSwagStockSmartPay(response);
        Check.Equal(Peer_Refit().GetAwaiter().GetResult().Result!.ConsumerId, "gHi789");
        Check.Equal(Peer_Kiota().GetAwaiter().GetResult()!.Result!.ConsumerId, "gHi789");
        Check.Equal(Peer_NSwagStock().GetAwaiter().GetResult().Result!.Consumer_id, "gHi789");
    }

    /// <summary>The request every variant sends (the alloc-probe sends it too).</summary>
    internal static CreateConsumerRequest Request() => new()
    {
        FirstName = "Bob",
        LastName = "Test",
        Email = "bob@example.org",
        Phone = "+1 303 555 0100",
        StreetAddress = "1 Market St",
        City = "Denver",
        ProvinceState = "CO",
        Country = "US",
        PostalCode = "80202",
        IsDummy = true,
    };

    [Benchmark(Baseline = true, Description = "Baseline: HttpClient + FormUrlEncodedContent + STJ")]
    public Task<ConsumerReferenceResponseDto> Baseline() => _baseline.CreateConsumerAsync(Payloads.SmartPayToken, Fields);

    [Benchmark(Description = "Generated + session-token handler")]
    public Task<ConsumerReferenceResponse> Generated() => _generated.CreateConsumerAsync(Request());

    [Benchmark(Description = "Generated, full handler chain (as shipped)")]
    public Task<ConsumerReferenceResponse> Generated_FullChain() => _fullChain.CreateConsumerAsync(Request());

    // The same client reading every body with Json.NET (before the System.Text.Json mirror): what the mirror buys.
    [Benchmark(Description = "As shipped, but Json.NET only (UseSystemTextJsonWhenExact=false)")]
    public Task<ConsumerReferenceResponse> Generated_FullChain_JsonNetOnly() => _fullChainJsonNet.CreateConsumerAsync(Request());

    [Benchmark(Description = "Peer: Refit 16.4 (STJ, UrlEncoded body) + resilience")]
    public async Task<ConsumerReferenceResponseDto> Peer_Refit()
    {
        var token = await PeerClients.SmartPayTokens.GetTokenAsync().ConfigureAwait(false);
        return await _refit.CreateConsumerAsync(new RefitCreateConsumerForm
        {
            Token = token.Value,
            FirstName = "Bob",
            LastName = "Test",
            Email = "bob@example.org",
            Phone = "+1 303 555 0100",
            StreetAddress = "1 Market St",
            City = "Denver",
            ProvinceState = "CO",
            Country = "US",
            PostalCode = "80202",
            IsDummy = "true",
        }).ConfigureAwait(false);
    }

    [Benchmark(Description = "Peer: Kiota 1.38 (form serializer) + resilience")]
    public async Task<KiotaResponse?> Peer_Kiota()
    {
        var token = await PeerClients.SmartPayTokens.GetTokenAsync().ConfigureAwait(false);
        return await _kiota.Create_consumer.PostAsync(new KiotaRequest
        {
            Token = token.Value,
            FirstName = "Bob",
            LastName = "Test",
            Email = "bob@example.org",
            Phone = "+1 303 555 0100",
            StreetAddress = "1 Market St",
            City = "Denver",
            ProvinceState = "CO",
            Country = "US",
            PostalCode = "80202",
            IsDummy = true,
        }).ConfigureAwait(false);
    }

    [Benchmark(Description = "Peer: NSwag 14.7 stock (JSON body) + resilience")]
    public async Task<NSwagStockResponse> Peer_NSwagStock()
    {
        var token = await PeerClients.SmartPayTokens.GetTokenAsync().ConfigureAwait(false);
        return await _nswagStock.CreateConsumerAsync(new NSwagStockRequest
        {
            Token = token.Value,
            First_name = "Bob",
            Last_name = "Test",
            Email = "bob@example.org",
            Phone = "+1 303 555 0100",
            Street_address = "1 Market St",
            City = "Denver",
            Province_state = "CO",
            Country = "US",
            Postal_code = "80202",
            Is_dummy = true,
        }).ConfigureAwait(false);
    }
}
