using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Benchmarks.Peers;
using Tessera.Pax8;
using KiotaCompanyPage = Tessera.Benchmarks.Peers.KiotaPax8.Models.CompanyPage;
using NSwagStockCompanyPage = Tessera.Benchmarks.Peers.NSwagStockPax8.CompanyPage;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// Pax8 <c>GET /companies</c>: one list page of 1,000 companies (425 KB). The request asks for <c>size=200</c>, the
/// most Pax8 documents (the client rejects more before sending); the canned server answers 1,000 items anyway, so
/// every variant parses the same 1,000-item page. Peers as in <see cref="SmallGetBenchmarks"/>.
/// </summary>
public class CompanyPageBenchmarks
{
    public const int Items = 1000;
    public const int RequestedSize = 200;

    private BaselineClient _baseline = null!;
    private Pax8Client _asString = null!;
    private Pax8Client _stream = null!;
    private Pax8Client _fullChain = null!;
    private Pax8Client _fullChainJsonNet = null!;
    private IRefitPax8Api _refit = null!;
    private Peers.KiotaPax8.KiotaPax8Client _kiota = null!;
    private Peers.NSwagStockPax8.NSwagStockPax8Client _nswagStock = null!;

    [GlobalSetup]
    public void Setup()
    {
        var response = new CannedResponse(Payloads.Utf8(Payloads.CompanyPage(Items)));
        _baseline = Clients.Baseline(response, Clients.Pax8BaseUrl);
        _asString = Clients.Pax8(response, readResponseAsString: true);
        _stream = Clients.Pax8(response, readResponseAsString: false);
        _fullChain = Clients.Pax8FullChain(response);
        _fullChainJsonNet = Clients.Pax8FullChain(response);
        _fullChainJsonNet.UseSystemTextJsonWhenExact = false;
        Check.Mirrored<CompanyPage>(Payloads.Utf8(Payloads.CompanyPage(Items)));
        Check.Count(_fullChain.FindCompaniesAsync(page: 0, size: RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        Check.Count(_fullChainJsonNet.FindCompaniesAsync(page: 0, size: RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        Check.Count(_stream.FindCompaniesAsync(page: 0, size: RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        Check.Count(_asString.FindCompaniesAsync(page: 0, size: RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        Check.Count(_baseline.FindCompaniesAsync(0, RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        _refit = PeerClients.RefitPax8(response);
        _kiota = PeerClients.KiotaPax8(response);
        _nswagStock = PeerClients.NSwagStockPax8(response);
        var refit = Peer_Refit().GetAwaiter().GetResult();
        Check.Count(refit.Content.Count, Items);
        Check.Company(refit.Content[0].Id, refit.Content[0].UpdatedDate);
        var kiota = Peer_Kiota().GetAwaiter().GetResult()!;
        Check.Count(kiota.Content!.Count, Items);
        Check.Company(kiota.Content[0].Id, kiota.Content[0].UpdatedDate);
        var nswag = Peer_NSwagStock().GetAwaiter().GetResult();
        Check.Count(nswag.Content.Count, Items);
        Check.Company(nswag.Content.First().Id, nswag.Content.First().UpdatedDate);
    }

    [Benchmark(Baseline = true, Description = "Baseline: HttpClient + STJ source-gen")]
    public Task<CompanyPageDto> Baseline() => _baseline.FindCompaniesAsync(0, RequestedSize);

    [Benchmark(Description = "Generated, ReadResponseAsString=true")]
    public Task<CompanyPage> Generated_AsString() => _asString.FindCompaniesAsync(page: 0, size: RequestedSize);

    [Benchmark(Description = "Generated, ReadResponseAsString=false")]
    public Task<CompanyPage> Generated_Stream() => _stream.FindCompaniesAsync(page: 0, size: RequestedSize);

    [Benchmark(Description = "Generated, full handler chain (as shipped)")]
    public Task<CompanyPage> Generated_FullChain() => _fullChain.FindCompaniesAsync(page: 0, size: RequestedSize);

    // The same client reading every body with Json.NET (before the System.Text.Json mirror): what the mirror buys.
    [Benchmark(Description = "As shipped, but Json.NET only (UseSystemTextJsonWhenExact=false)")]
    public Task<CompanyPage> Generated_FullChain_JsonNetOnly() => _fullChainJsonNet.FindCompaniesAsync(page: 0, size: RequestedSize);

    [Benchmark(Description = "Peer: Refit 16.4 (STJ) + resilience")]
    public Task<CompanyPageDto> Peer_Refit() => _refit.FindCompaniesAsync(0, RequestedSize);

    [Benchmark(Description = "Peer: Kiota 1.38 + resilience")]
    public Task<KiotaCompanyPage?> Peer_Kiota() => _kiota.Companies.GetAsync(c =>
    {
        c.QueryParameters.Page = 0;
        c.QueryParameters.Size = RequestedSize;
    });

    [Benchmark(Description = "Peer: NSwag 14.7 stock + resilience")]
    public Task<NSwagStockCompanyPage> Peer_NSwagStock() =>
        _nswagStock.FindCompaniesAsync(0, RequestedSize, null, null, null, null, null, null, null, null, null);
}
