using System.Diagnostics;
using System.Runtime.InteropServices;
using Tessera.Pax8;
using Tessera.Core.Resilience;
using Tessera.Sandbox;
using Tessera.Sandbox.SmartPay;
using Tessera.Smartex;
using Tessera.Smartex.Identity;
using Tessera.SmartPay;

namespace Tessera.Reliability.Tests.Load;

/// <summary>The figures of one load run.</summary>
public sealed record LoadReport(TimeSpan Duration, int Concurrency, long Requests, long Errors, IReadOnlyDictionary<string, (long Count, double P50, double P95, double P99)> ByApi, double P50, double P95, double P99, IReadOnlyList<string> FirstErrors)
{
    public double Throughput => Requests / Duration.TotalSeconds;

    public static string Machine => $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.ProcessArchitecture}, {RuntimeInformation.FrameworkDescription}";

    public override string ToString() =>
        $"{Concurrency} in flight for {Duration.TotalSeconds:0.#} s on {Machine}: {Requests} requests, {Errors} errors, {Throughput:0} req/s; latency p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms"
        + string.Concat(ByApi.Select(a => $"\n  {a.Key}: {a.Value.Count} requests, p50 {a.Value.P50:0.0} ms, p95 {a.Value.P95:0.0} ms, p99 {a.Value.P99:0.0} ms"));
}

/// <summary>
/// Bounded load on loopback: the sandbox on Kestrel (no server-side rate limit) and the three clients over real
/// sockets, <c>concurrency</c> calls in flight for <c>duration</c>, no retries (every failure counts).
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(TimeSpan duration, int concurrency)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Pax8RequestsPerMinute = 0 });
        var resilience = new ResilienceOptions { MaxRetryAttempts = 0, EnableCircuitBreaker = false, AttemptTimeout = TimeSpan.FromSeconds(30) };
        var pax8 = Pax8Client.Create(new Pax8ClientOptions { ClientId = SandboxOptions.DefaultPax8ClientId, ClientSecret = SandboxOptions.DefaultPax8ClientSecret, BaseUrl = sandbox.Pax8BaseUrl, TokenUrl = sandbox.Pax8TokenUrl, RequestsPerMinute = 0, Resilience = resilience });
        var smartPay = SmartPayClient.Create(new SmartPayClientOptions { ApiKey = SmartPaySandboxOptions.DefaultApiKey, BaseUrl = sandbox.SmartPayBaseUrl, RequestsPerMinute = 0, Resilience = resilience });
        var smartex = SmartexClient.Create(new SmartexClientOptions { BaseUrl = sandbox.SmartexBaseUrl, Identity = SmartexIdentity.Generate(), RequestsPerMinute = 0, Resilience = resilience });
        await smartex.Pairing.PairWithCodeAsync(sandbox.GetState<SmartexSandboxState>().IssuePairingCode("merchant"));
        var invoiceId = (await smartex.GetInvoicesAsync(DateTimeOffset.UtcNow.AddDays(-400))).Data.First().Id;
        var calls = new (string Api, Func<Task> Call)[]
        {
            ("Pax8 findCompanies", () => pax8.FindCompaniesAsync(size: 10)),
            ("SmartPay get_orders", () => smartPay.GetOrdersAsync(new GetOrdersRequest { Page = 2 })),
            ("Smartex getInvoice (signed)", () => smartex.GetInvoiceAsync(invoiceId)),
        };
        foreach (var (_, call) in calls)
        {
            await call();
        }

        var latencies = calls.ToDictionary(c => c.Api, _ => new List<double>[concurrency]);
        var errors = 0L;
        var firstErrors = new List<string>();
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var (api, call) = calls[worker % calls.Length];
            var mine = latencies[api][worker] = new List<double>(4096);
            while (deadline.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    lock (firstErrors)
                    {
                        if (firstErrors.Count < 5)
                        {
                            firstErrors.Add(ex.GetType().Name + ": " + ex.Message);
                        }
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed;

        var byApi = latencies.ToDictionary(
            a => a.Key,
            a =>
            {
                var sorted = a.Value.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
                return ((long)sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
            });
        var all = latencies.Values.SelectMany(v => v.Where(l => l is not null).SelectMany(l => l)).Order().ToArray();
        return new LoadReport(elapsed, concurrency, all.Length + errors, errors, byApi, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), firstErrors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
