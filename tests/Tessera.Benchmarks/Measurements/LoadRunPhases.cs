using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tessera.Core.Errors;

namespace Tessera.Benchmarks.Measurements;

/// <summary>
/// The time each request spent on the wire, per request: System.Net.Http's own <c>http.client.request.duration</c>
/// (recorded by SocketsHttpHandler from the moment the request reaches it until the response headers arrive: the
/// connection wait, the send, the server and the way back) is added to the caller's <see cref="Slot"/>, which flows
/// into the client's handler chain with the execution context. Total minus wire is the time spent in the client
/// (handlers, serialization, body read and deserialization, scheduling). Also keeps the number of requests on the wire
/// (<c>http.client.active_requests</c>).
/// </summary>
internal sealed class WireMeter : IDisposable
{
    public static readonly AsyncLocal<WireTime?> Slot = new();

    private readonly MeterListener _listener = new();
    private long _active;

    public WireMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name is "http.client.request.duration" or "http.client.active_requests")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            Seen = true;
            if (Slot.Value is { } slot)
            {
                slot.Seconds += seconds;
            }
        });
        _listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref _active, delta));
        _listener.Start();
    }

    /// <summary>Whether any wire duration was recorded (false would make the client-side split meaningless).</summary>
    public bool Seen { get; private set; }

    /// <summary>Requests inside SocketsHttpHandler now.</summary>
    public long Active => Interlocked.Read(ref _active);

    public void Dispose() => _listener.Dispose();
}

/// <summary>One caller's slot for the wire time of its current request.</summary>
internal sealed class WireTime
{
    public double Seconds;
}

/// <summary>What one throughput phase measured.</summary>
internal sealed record PhaseResult(
    int Callers,
    TimeSpan Elapsed,
    long Completed,
    IReadOnlyDictionary<string, int> Errors,
    TimeSpan ClientCpu,
    TimeSpan ServerCpu,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    double[] TotalMs,
    double[] ClientMs)
{
    public double Throughput => Completed / Elapsed.TotalSeconds;

    public static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(p * (sorted.Length - 1))];
}

/// <summary>N callers, each a loop of one call after another, for a fixed time; every call awaited to its end.</summary>
internal static class LoadPhase
{
    public static async Task<PhaseResult> RunAsync(int callers, TimeSpan duration, Func<int, Task> call, LoadRunServer server, WireMeter wire)
    {
        var stop = 0;
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<(List<double> Total, List<double> Client)> CallerAsync(int index)
        {
            await go.Task.ConfigureAwait(false);
            var slot = new WireTime();
            WireMeter.Slot.Value = slot;
            var total = new List<double>(4096);
            var client = new List<double>(4096);
            var n = index;
            while (Volatile.Read(ref stop) == 0)
            {
                slot.Seconds = 0;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(n++).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
                    continue;
                }

                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                total.Add(ms);
                client.Add(Math.Max(0, ms - (slot.Seconds * 1000)));
            }

            return (total, client);
        }

        var tasks = Enumerable.Range(0, callers).Select(CallerAsync).ToArray();
        using var me = Process.GetCurrentProcess();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var serverCpu = server.ProcessorTime;
        me.Refresh();
        var clientCpu = me.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        go.SetResult();
        await Task.Delay(duration).ConfigureAwait(false);
        Volatile.Write(ref stop, 1);
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        clock.Stop();
        me.Refresh();
        clientCpu = me.TotalProcessorTime - clientCpu;
        serverCpu = server.ProcessorTime - serverCpu;
        allocated = GC.GetTotalAllocatedBytes(precise: false) - allocated;
        var totals = results.SelectMany(r => r.Total).ToArray();
        var clients = results.SelectMany(r => r.Client).ToArray();
        return new PhaseResult(callers, clock.Elapsed, totals.Length, errors, clientCpu, serverCpu, allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2,
            totals, clients);
    }
}

/// <summary>What the rate-limited phase saw.</summary>
internal sealed record QueueResult(
    int Callers,
    int RequestsPerMinute,
    int QueueLimit,
    TimeSpan Elapsed,
    long MaxQueued,
    long Samples,
    long Succeeded,
    long PermitsBefore,
    IReadOnlyDictionary<string, int> Errors,
    long MaxInCallNotOnWire,
    IReadOnlyList<string> Failures);

/// <summary>
/// The Pax8 client with a budget of R requests per minute and the default queue (R): callers &gt; 2R, so R pass, R
/// wait in the limiter's queue and the rest are refused at once (<see cref="RateLimitExceededException"/>). A sampler
/// reads the limiter's statistics every millisecond or so; the phase fails if the queue ever held more than its limit,
/// or if more requests than the budget went out.
/// </summary>
internal static class RateLimitPhase
{
    public static async Task<QueueResult> RunAsync(Pax8Under limited, int callers, int requestsPerMinute, TimeSpan duration, string[] ids)
    {
        var limiter = limited.Runtime.RateLimiter ?? throw new InvalidOperationException("The limited client has no rate limiter.");
        await limited.Client.FindCompanyByIdAsync(ids[0]).ConfigureAwait(false); // the token request and one call: two permits
        var permitsBefore = limiter.GetStatistics()!.CurrentAvailablePermits;
        var queueLimit = requestsPerMinute; // ClientRateLimiters.PerMinute: the queue is one minute's worth
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long succeeded = 0, inCall = 0, maxQueued = 0, maxInCallNotOnWire = 0, samples = 0;
        using var wire = new WireMeter();
        using var end = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();

        async Task CallerAsync(int index)
        {
            await Task.Yield();
            var n = index;
            while (!end.IsCancellationRequested)
            {
                Interlocked.Increment(ref inCall);
                try
                {
                    await limited.Client.FindCompanyByIdAsync(ids[n++ % ids.Length], end.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref succeeded);
                    continue;
                }
                catch (Exception) when (end.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    errors.AddOrUpdate(e.GetType().Name, 1, (_, c) => c + 1);
                }
                finally
                {
                    Interlocked.Decrement(ref inCall);
                }

                await Task.Delay(50).ConfigureAwait(false); // a refused caller tries again, without spinning (not in a call)
            }
        }

        async Task SampleAsync()
        {
            while (!end.IsCancellationRequested)
            {
                var queued = limiter.GetStatistics()!.CurrentQueuedCount;
                maxQueued = Math.Max(maxQueued, queued);
                maxInCallNotOnWire = Math.Max(maxInCallNotOnWire, Interlocked.Read(ref inCall) - wire.Active);
                samples++;
                await Task.Delay(1).ConfigureAwait(false);
            }
        }

        var sampler = Task.Run(SampleAsync);
        var tasks = Enumerable.Range(0, callers).Select(CallerAsync).ToArray();
        await Task.Delay(duration).ConfigureAwait(false);
        maxQueued = Math.Max(maxQueued, limiter.GetStatistics()!.CurrentQueuedCount);
        await end.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(tasks).ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        clock.Stop();

        var failures = new List<string>();
        if (maxQueued > queueLimit)
        {
            failures.Add($"the limiter queue held {maxQueued} requests, over its limit of {queueLimit}");
        }

        if (succeeded > permitsBefore)
        {
            failures.Add($"{succeeded} requests went out with {permitsBefore} permits left in the minute");
        }

        if (callers > 2 * requestsPerMinute && maxQueued < queueLimit)
        {
            failures.Add($"the queue never filled ({maxQueued} of {queueLimit}): the bound was not exercised");
        }

        return new QueueResult(callers, requestsPerMinute, queueLimit, clock.Elapsed, maxQueued, samples, succeeded,
            permitsBefore, errors, maxInCallNotOnWire, failures);
    }
}
