using Tessera.Benchmarks.Benchmarks;
using Tessera.Benchmarks.Infrastructure;

namespace Tessera.Benchmarks.Measurements;

/// <summary>
/// <c>profile-loop form-post|small-get [calls]</c>: one call of the full handler chain in a tight loop, for a sampling
/// profiler (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>; docs/performance.md). Prints nanoseconds per call,
/// a hint only: the published figures come from BenchmarkDotNet.
/// </summary>
public static class ProfileLoop
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var what = args.Length > 0 ? args[0] : "form-post";
        var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
        Func<Task> call = what switch
        {
            "form-post" => CallOf(Clients.SmartPayFullChain(new CannedResponse(Payloads.Utf8(Payloads.SmartPayConsumerReference)))),
            "small-get" => CallOf(Clients.Pax8FullChain(new CannedResponse(Payloads.Utf8(Payloads.Company())))),
            _ => throw new ArgumentException($"profile-loop: unknown call '{what}' (form-post, small-get)"),
        };

        for (var i = 0; i < 2_000; i++)
        {
            await call().ConfigureAwait(false);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what}: {watch.Elapsed.TotalNanoseconds / calls:N0} ns/call over {calls:N0} calls")).ConfigureAwait(false);
        return 0;
    }

    private static Func<Task> CallOf(SmartPay.SmartPayClient client) => () => client.CreateConsumerAsync(FormPostBenchmarks.Request());

    private static Func<Task> CallOf(Pax8.Pax8Client client) => () => client.FindCompanyByIdAsync(Payloads.CompanyId);
}
