using System.Globalization;
using System.Text;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Pax8;

namespace Tessera.Benchmarks.Measurements;

/// <summary>
/// A measured run (not BenchmarkDotNet): streams N × 1,000 companies with <c>FindCompaniesAllAsync</c> through the
/// full handler chain and records, at the first item of every page, the live managed heap after a full blocking
/// collection (what the enumeration really retains), plus, in a second pass without forced collections, the heap high-water sampled at every item and every
/// request (garbage included, so it is bounded by the GC's gen0 budget rather than by the client). Compares with the live size of one deserialized
/// page. Fails (exit code 1) when memory grows with the number of pages or exceeds about two pages.
/// </summary>
public static class PagingMemory
{
    public static async Task<int> RunAsync(int[] pageCounts, TextWriter output)
    {
        var onePage = await MeasureOnePageAsync().ConfigureAwait(false);
        var rows = new List<(string Variant, int Pages, long Items, long MaxLive, long MaxHeap, long Allocated, int Requests)>();
        foreach (var fullChain in new[] { true, false })
        {
            foreach (var pages in pageCounts)
            {
                var row = await StreamAsync(pages, fullChain).ConfigureAwait(false);
                rows.Add((fullChain ? "full handler chain" : "generated client, bare transport", row.Pages, row.Items, row.MaxLive, row.MaxHeap, row.Allocated, row.Requests));
            }
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"One deserialized page of {PagedCompanies.PageSize} companies holds {Kb(onePage)} live; its JSON is {Kb(new PagedCompanies(1).BytesPerPage)}.");
        report.AppendLine();
        report.AppendLine("| Client | Pages | Items streamed | Requests | Peak live heap (forced GC at each page) | Peak live / one page | Unforced heap high-water | Total allocated |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Variant} | {row.Pages} | {row.Items:N0} | {row.Requests} | {Kb(row.MaxLive)} | {(double)row.MaxLive / onePage:0.00} | {Kb(row.MaxHeap)} | {Mb(row.Allocated)} |");
        }

        var failures = new List<string>();
        foreach (var row in rows)
        {
            if (row.Items != (long)row.Pages * PagedCompanies.PageSize || row.Requests != row.Pages)
            {
                failures.Add($"{row.Variant}, {row.Pages} pages: streamed {row.Items} items in {row.Requests} requests");
            }

            if (row.MaxLive > 2.5 * onePage)
            {
                failures.Add($"{row.Variant}, {row.Pages} pages: peak live heap {Kb(row.MaxLive)} is more than 2.5 pages ({Kb(onePage)} each)");
            }
        }

        foreach (var variant in rows.GroupBy(r => r.Variant))
        {
            var smallest = variant.MinBy(r => r.Pages);
            var largest = variant.MaxBy(r => r.Pages);
            if (largest.MaxLive > smallest.MaxLive + (onePage / 2))
            {
                failures.Add($"{variant.Key}: peak live heap grew from {Kb(smallest.MaxLive)} ({smallest.Pages} pages) to {Kb(largest.MaxLive)} ({largest.Pages} pages)");
            }
        }

        report.AppendLine();
        report.AppendLine(failures.Count == 0
            ? "Paging memory check: PASS (every item streamed once, peak live heap within about two pages and flat in the number of pages)."
            : "Paging memory check: FAIL: " + string.Join("; ", failures));
        await output.WriteAsync(report.ToString()).ConfigureAwait(false);
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<(int Pages, long Items, long MaxLive, long MaxHeap, long Allocated, int Requests)> StreamAsync(int pages, bool fullChain)
    {
        var server = new PagedCompanies(pages);
        var client = !fullChain ? new Pax8Client(Clients.Http(new StaticResponseHandler(server.Respond), Clients.Pax8BaseUrl)) : Pax8Client.Create(
            new Pax8ClientOptions { ClientId = "bench-client", ClientSecret = "bench-secret-5f1c9a", BaseUrl = Clients.Pax8BaseUrl, RequestsPerMinute = 0, TokenCacheInstance = new Tessera.Core.Caching.MemoryTokenCache() },
            primaryHandler: new StaticResponseHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)
                ? new CannedResponse(Payloads.Utf8(Payloads.Pax8Token))
                : server.Respond(request)));

        // Warm up (token, JIT, contracts) on a separate pageable, then measure from a clean heap.
        await foreach (var _ in client.FindCompaniesAllAsync(size: PagedCompanies.RequestedSize).ConfigureAwait(false))
        {
            break;
        }

        // Pass 1: what the enumeration retains: live heap after a full blocking collection at each page's first item.
        var requestsBefore = server.Requests;
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long items = 0, maxLive = 0;
        await foreach (var company in client.FindCompaniesAllAsync(size: PagedCompanies.RequestedSize).ConfigureAwait(false))
        {
            if (items % PagedCompanies.PageSize == 0)
            {
                maxLive = Math.Max(maxLive, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }

            GC.KeepAlive(company);
            items++;
        }

        var requests = server.Requests - requestsBefore;

        // Pass 2: no forced collection; heap high-water (garbage included) sampled at every item and every request.
        baseline = GC.GetTotalMemory(forceFullCollection: true);
        long maxHeap = 0;
        server.OnRequest = () => maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false) - baseline);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        await foreach (var company in client.FindCompaniesAllAsync(size: PagedCompanies.RequestedSize).ConfigureAwait(false))
        {
            maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false) - baseline);
            GC.KeepAlive(company);
        }

        server.OnRequest = null;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (pages, items, maxLive, maxHeap, allocated, requests);
    }

    private static async Task<long> MeasureOnePageAsync()
    {
        var server = new PagedCompanies(1);
        var client = new Pax8Client(Clients.Http(new StaticResponseHandler(server.Respond), Clients.Pax8BaseUrl));
        _ = await client.FindCompaniesAsync(page: 0, size: PagedCompanies.RequestedSize).ConfigureAwait(false);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var page = await client.FindCompaniesAsync(page: 0, size: PagedCompanies.RequestedSize).ConfigureAwait(false);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(page);
        return after - before;
    }

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N0} KB");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N1} MB");
}
