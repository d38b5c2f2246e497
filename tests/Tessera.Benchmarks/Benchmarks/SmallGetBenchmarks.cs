using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Benchmarks.Peers;
using Tessera.Pax8;
using KiotaCompany = Tessera.Benchmarks.Peers.KiotaPax8.Models.Company;
using NSwagStockCompany = Tessera.Benchmarks.Peers.NSwagStockPax8.Company;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// Pax8 <c>GET /companies/{id}</c>: one small object. With the peers a user would pick instead (Refit, Kiota and
/// stock NSwag, each with a cached bearer token and the standard resilience handler, see <see cref="PeerClients"/>).
/// </summary>
public class SmallGetBenchmarks
{
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
        var response = new CannedResponse(Payloads.Utf8(Payloads.Company()));
        _baseline = Clients.Baseline(response, Clients.Pax8BaseUrl);
        _asString = Clients.Pax8(response, readResponseAsString: true);
        _stream = Clients.Pax8(response, readResponseAsString: false);
        _fullChain = Clients.Pax8FullChain(response);
        _fullChainJsonNet = Clients.Pax8FullChain(response);
        _fullChainJsonNet.UseSystemTextJsonWhenExact = false;
        Check.Company(_fullChain.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        Check.Company(_fullChainJsonNet.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        Check.Mirrored<Company>(Payloads.Utf8(Payloads.Company()));
        Check.Company(_stream.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        Check.Company(_asString.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        Check.Company(_baseline.GetCompanyAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        _refit = PeerClients.RefitPax8(response);
        _kiota = PeerClients.KiotaPax8(response);
        _nswagStock = PeerClients.NSwagStockPax8(response);
        var refit = _refit.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult();
        Check.Company(refit.Id, refit.UpdatedDate);
        var kiota = Peer_Kiota().GetAwaiter().GetResult()!;
        Check.Company(kiota.Id, kiota.UpdatedDate);
        var nswag = _nswagStock.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult();
        Check.Company(nswag.Id, nswag.UpdatedDate);
        Check.RawBodiesOnErrors();
    }

    [Benchmark(Baseline = true, Description = "Baseline: HttpClient + STJ source-gen")]
    public Task<CompanyDto> Baseline() => _baseline.GetCompanyAsync(Payloads.CompanyId);

    [Benchmark(Description = "Generated, ReadResponseAsString=true")]
    public Task<Company> Generated_AsString() => _asString.FindCompanyByIdAsync(Payloads.CompanyId);

    [Benchmark(Description = "Generated, ReadResponseAsString=false")]
    public Task<Company> Generated_Stream() => _stream.FindCompanyByIdAsync(Payloads.CompanyId);

    [Benchmark(Description = "Generated, full handler chain (as shipped)")]
    public Task<Company> Generated_FullChain() => _fullChain.FindCompanyByIdAsync(Payloads.CompanyId);

    // The same client reading every body with Json.NET (before the System.Text.Json mirror): what the mirror buys.
    [Benchmark(Description = "As shipped, but Json.NET only (UseSystemTextJsonWhenExact=false)")]
    public Task<Company> Generated_FullChain_JsonNetOnly() => _fullChainJsonNet.FindCompanyByIdAsync(Payloads.CompanyId);

    [Benchmark(Description = "Peer: Refit 16.4 (STJ) + resilience")]
    public Task<CompanyDto> Peer_Refit() => _refit.FindCompanyByIdAsync(Payloads.CompanyId);

    [Benchmark(Description = "Peer: Kiota 1.38 + resilience")]
    public Task<KiotaCompany?> Peer_Kiota() => _kiota.Companies[Payloads.CompanyId].GetAsync();

    [Benchmark(Description = "Peer: NSwag 14.7 stock + resilience")]
    public Task<NSwagStockCompany> Peer_NSwagStock() => _nswagStock.FindCompanyByIdAsync(Payloads.CompanyId);
}
