using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Pax8;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// Pax8 <c>GET /companies</c>: one list page of 1,000 companies (425 KB). The request asks for <c>size=200</c>, the
/// most Pax8 documents (the client rejects more before sending); the canned server answers 1,000 items anyway, so
/// every variant parses the same 1,000-item page.
/// </summary>
public class CompanyPageBenchmarks
{
    public const int Items = 1000;
    public const int RequestedSize = 200;

    private BaselineClient _baseline = null!;
    private Pax8Client _asString = null!;
    private Pax8Client _stream = null!;
    private Pax8Client _fullChain = null!;

    [GlobalSetup]
    public void Setup()
    {
        var response = new CannedResponse(Payloads.Utf8(Payloads.CompanyPage(Items)));
        _baseline = Clients.Baseline(response, Clients.Pax8BaseUrl);
        _asString = Clients.Pax8(response, readResponseAsString: true);
        _stream = Clients.Pax8(response, readResponseAsString: false);
        _fullChain = Clients.Pax8FullChain(response);
        Check.Count(_fullChain.FindCompaniesAsync(page: 0, size: RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        Check.Count(_stream.FindCompaniesAsync(page: 0, size: RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        Check.Count(_asString.FindCompaniesAsync(page: 0, size: RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
        Check.Count(_baseline.FindCompaniesAsync(0, RequestedSize).GetAwaiter().GetResult().Content.Count, Items);
    }

    [Benchmark(Baseline = true, Description = "Baseline: HttpClient + STJ source-gen")]
    public Task<CompanyPageDto> Baseline() => _baseline.FindCompaniesAsync(0, RequestedSize);

    [Benchmark(Description = "Generated, ReadResponseAsString=true")]
    public Task<CompanyPage> Generated_AsString() => _asString.FindCompaniesAsync(page: 0, size: RequestedSize);

    [Benchmark(Description = "Generated, ReadResponseAsString=false")]
    public Task<CompanyPage> Generated_Stream() => _stream.FindCompaniesAsync(page: 0, size: RequestedSize);

    [Benchmark(Description = "Generated, full handler chain (as shipped)")]
    public Task<CompanyPage> Generated_FullChain() => _fullChain.FindCompaniesAsync(page: 0, size: RequestedSize);
}
