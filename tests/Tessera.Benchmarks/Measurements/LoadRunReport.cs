using System.Globalization;
using System.Text;

namespace Tessera.Benchmarks.Measurements;

/// <summary>The load run's markdown (artifacts/benchmarks/load.md).</summary>
internal static class LoadReport
{
    public static string Write(LoadSettings settings, string loadAtStart, string loadAtEnd, PhaseResult pax8, PhaseResult bare, QueueResult queue, bool wireSeen)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        Line($"# Load run{(settings.Quick ? " (quick)" : string.Empty)}");
        Line($"");
        Line($"- {Environment.ProcessorCount} cores, .NET {Environment.Version}; Release; loopback (127.0.0.1); the sandbox in a child process (server GC)");
        Line($"- Load average (1, 5, 15 min, runnable/total, last pid): {loadAtStart} at start, {loadAtEnd} at end");
        Line($"- Operation: Pax8 `findCompanyById` (GET /companies/{{id}}, one company, about 0.4 KB), {settings.Callers:N0} concurrent callers, each one call after another");
        Line($"");
        Line($"## Throughput (rate limit off, `RequestsPerMinute = 0`)");
        Line($"");
        Line($"| Client | Callers | Seconds | Requests | Errors | Requests/s | Client CPU/request | Server CPU/request | Allocated/request | GCs (0/1/2) | p50 | p99 | p99.9 |");
        Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
        Row(text, "Pax8 client as shipped (`AddPax8Client`)", pax8);
        Row(text, "Bare `HttpClient` + System.Text.Json (baseline)", bare);
        Line($"");
        var extraCpu = (pax8.ClientCpu.TotalMicroseconds / pax8.Completed) - (bare.ClientCpu.TotalMicroseconds / bare.Completed);
        Line($"Client CPU per request is this process's CPU time (`Process.TotalProcessorTime`, user + system, every thread: callers, the client, SocketsHttpHandler, GC) over the phase divided by the requests completed; the server runs in another process, so none of its work is in it. The Pax8 client costs **{extraCpu:F1} µs** of CPU per request more than the bare baseline.");
        Line($"");
        Line($"## Where the time goes (caller's view)");
        Line($"");
        Line($"| Client | p50 total | p50 in the client | p99 total | p99 in the client | Client share of the slowest 1 % |");
        Line($"|---|---:|---:|---:|---:|---:|");
        Split(text, "Pax8 client", pax8);
        Split(text, "Bare baseline", bare);
        Line($"");
        var pax8CpuShare = pax8.ClientCpu / (pax8.ClientCpu + pax8.ServerCpu);
        var bareCpuShare = bare.ClientCpu / (bare.ClientCpu + bare.ServerCpu);
        Line($"Mean latency by Little's law: {settings.Callers:N0} callers / {pax8.Throughput:N0} requests/s = {settings.Callers * 1000.0 / pax8.Throughput:F0} ms (bare: {settings.Callers * 1000.0 / bare.Throughput:F0} ms). Client and server share {Environment.ProcessorCount} cores (and this machine's other work, see the load average), so the run is CPU-bound and the latency is mostly waiting for a CPU, which the wire time below includes (SocketsHttpHandler's clock runs until a thread-pool thread has parsed the response headers). The client's share of the CPU spent per request: **{pax8CpuShare:P0}** (client / (client + server); bare baseline {bareCpuShare:P0}).");
        Line($"");
        Line($"Total is the caller's Stopwatch around the awaited call. The wire time of each request is System.Net.Http's own `http.client.request.duration` for that request (SocketsHttpHandler: connection-pool wait, send, server, response headers), picked up per request through an AsyncLocal that flows into the handler chain; **in the client** = total − wire (handlers, token cache, resilience, body read, deserialization, and waiting for a thread-pool thread). \"Client share of the slowest 1 %\" is Σ in-client / Σ total over the requests at or above p99.{(wireSeen ? string.Empty : " **No wire duration was recorded: the split is not valid.**")}");
        Line($"");
        Line($"## Queueing with a rate limit");
        Line($"");
        Line($"The Pax8 client with `RequestsPerMinute = {queue.RequestsPerMinute}` (the default queue: {queue.QueueLimit}), {queue.Callers:N0} callers for {queue.Elapsed.TotalSeconds:F1} s; the limiter's statistics (`RateLimiter.GetStatistics()`) sampled {queue.Samples:N0} times.");
        Line($"");
        Line($"| Measure | Value |");
        Line($"|---|---:|");
        Line($"| Permits left in the minute when the phase started | {queue.PermitsBefore} |");
        Line($"| Requests that went out (succeeded) | {queue.Succeeded} |");
        Line($"| Most requests waiting in the limiter's queue | **{queue.MaxQueued}** (limit {queue.QueueLimit}) |");
        Line($"| Most calls inside the client and not on the wire (limiter queue, retry back-off, handlers) | {queue.MaxInCallNotOnWire} |");
        Line($"| Refused or failed calls, by exception | {Errors(queue.Errors)} |");
        Line($"");
        Line($"Result: {(queue.Failures.Count == 0 ? "**pass**: the queue never held more than its configured limit and no more requests went out than the budget allowed" : "**FAIL**: " + string.Join("; ", queue.Failures))}.");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, PhaseResult r)
    {
        var total = r.TotalMs.Order().ToArray();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {r.Callers:N0} | {r.Elapsed.TotalSeconds:F1} | {r.Completed:N0} | {Errors(r.Errors)} | {r.Throughput:N0} | {r.ClientCpu.TotalMicroseconds / Math.Max(1, r.Completed):F1} µs | {r.ServerCpu.TotalMicroseconds / Math.Max(1, r.Completed):F1} µs | {r.AllocatedBytes / 1024.0 / Math.Max(1, r.Completed):F2} KB | {r.Gen0}/{r.Gen1}/{r.Gen2} | {Ms(PhaseResult.Percentile(total, 0.50))} | {Ms(PhaseResult.Percentile(total, 0.99))} | {Ms(PhaseResult.Percentile(total, 0.999))} |"));
    }

    private static void Split(StringBuilder text, string name, PhaseResult r)
    {
        var total = r.TotalMs.Order().ToArray();
        var client = r.ClientMs.Order().ToArray();
        var p99 = PhaseResult.Percentile(total, 0.99);
        double slowTotal = 0, slowClient = 0;
        for (var i = 0; i < r.TotalMs.Length; i++)
        {
            if (r.TotalMs[i] >= p99)
            {
                slowTotal += r.TotalMs[i];
                slowClient += r.ClientMs[i];
            }
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Ms(PhaseResult.Percentile(total, 0.50))} | {Ms(PhaseResult.Percentile(client, 0.50))} | {Ms(p99)} | {Ms(PhaseResult.Percentile(client, 0.99))} | {(slowTotal > 0 ? 100 * slowClient / slowTotal : double.NaN):F2} % |"));
    }

    private static string Ms(double ms) => ms < 10 ? ms.ToString("F2", CultureInfo.InvariantCulture) + " ms" : ms.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    private static string Errors(IReadOnlyDictionary<string, int> errors) =>
        errors.Count == 0 ? "0" : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value:N0}"));
}
