using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tessera.Benchmarks.Measurements;

namespace Tessera.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Tessera.Benchmarks -- [--quick] [BenchmarkDotNet args]</c>, or
/// <c>-- paging-memory [pages…]</c> for the measured paging-memory run. See docs/performance.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "paging-memory")
        {
            var pages = args.Length > 1 ? args.Skip(1).Select(int.Parse).ToArray() : [10, 100];
            return await PagingMemory.RunAsync(pages, Console.Out).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadRun.RunAsync(args[1..], Console.Out).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "profile-loop")
        {
            return await ProfileLoop.RunAsync(args[1..], Console.Out).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "alloc-probe")
        {
            await AllocationProbe.RunAsync(Console.Out).ConfigureAwait(false);
            return 0;
        }

        var quick = args.Contains("--quick");
        args = args.Where(a => a != "--quick").ToArray();

        // In-process: every variant runs in the same host, so ratios compare like with like, and no second project
        // build is needed on this 2-core machine. Quick mode runs each benchmark once (it only proves they execute).
        var job = quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithId("Short");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();
        // A benchmark whose set-up throws leaves no successful report: that must fail the run (and CI's quick mode).
        var failed = summaries.SelectMany(s => s.BenchmarksCases.Where(c => s[c] is not { Success: true }).Select(c => c.DisplayInfo)).ToList();
        foreach (var name in failed)
        {
            await Console.Error.WriteLineAsync("FAILED: " + name).ConfigureAwait(false);
        }

        return failed.Count > 0 || summaries.Any(s => s.HasCriticalValidationErrors) || summaries.Length == 0 ? 1 : 0;
    }
}
