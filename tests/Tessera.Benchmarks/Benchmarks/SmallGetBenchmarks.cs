using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Pax8;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>Pax8 <c>GET /companies/{id}</c>: one small object.</summary>
public class SmallGetBenchmarks
{
    private BaselineClient _baseline = null!;
    private Pax8Client _asString = null!;
    private Pax8Client _stream = null!;
    private Pax8Client _fullChain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var response = new CannedResponse(Payloads.Utf8(Payloads.Company()));
        _baseline = Clients.Baseline(response, Clients.Pax8BaseUrl);
        _asString = Clients.Pax8(response, readResponseAsString: true);
        _stream = Clients.Pax8(response, readResponseAsString: false);
        _fullChain = Clients.Pax8FullChain(response);
        Check.Company(_fullChain.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        Check.Company(_stream.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        Check.Company(_asString.FindCompanyByIdAsync(Payloads.CompanyId).GetAwaiter().GetResult());
        Check.Company(_baseline.GetCompanyAsync(Payloads.CompanyId).GetAwaiter().GetResult());
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
}
