using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Baseline;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Pax8;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// Streaming every company over N pages of 1,000: <c>FindCompaniesAllAsync</c> (<c>await foreach</c>) against a
/// hand-written page loop. Allocated bytes grow with the number of pages (every page is read); the memory held at
/// once must not: see <c>paging-memory</c> (<see cref="Measurements.PagingMemory"/>).
/// </summary>
public class PagingBenchmarks
{
    [Params(10, 100)]
    public int Pages { get; set; }

    private BaselineClient _baseline = null!;
    private Pax8Client _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var server = new PagedCompanies(Pages);
        _baseline = new BaselineClient(Clients.Http(new StaticResponseHandler(server.Respond), Clients.Pax8BaseUrl));
        _generated = new Pax8Client(Clients.Http(new StaticResponseHandler(server.Respond), Clients.Pax8BaseUrl));
        Check.Count(Baseline().GetAwaiter().GetResult(), Pages * PagedCompanies.PageSize);
        Check.Count(Generated().GetAwaiter().GetResult(), Pages * PagedCompanies.PageSize);
    }

    [Benchmark(Baseline = true, Description = "Baseline: page loop, HttpClient + STJ")]
    public async Task<int> Baseline()
    {
        var count = 0;
        for (var page = 0; ; page++)
        {
            var result = await _baseline.FindCompaniesAsync(page, PagedCompanies.RequestedSize).ConfigureAwait(false);
            count += result.Content.Count;
            if (page + 1 >= result.Page!.TotalPages)
            {
                return count;
            }
        }
    }

    [Benchmark(Description = "Generated: await foreach FindCompaniesAllAsync")]
    public async Task<int> Generated()
    {
        var count = 0;
        await foreach (var company in _generated.FindCompaniesAllAsync(size: PagedCompanies.RequestedSize).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
