using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Benchmarks.Baseline;
using Tessera.Core.Clients;
using Tessera.Pax8;
using Tessera.Sandbox;

namespace Tessera.Benchmarks.Measurements;

/// <summary>
/// <c>load [--callers 1000] [--seconds 60] [--quick] [--out artifacts/benchmarks/load.md]</c>: a throughput run on
/// loopback. The sandbox runs in a child process (this program with <c>load --serve</c>) on a real port, so this
/// process's CPU time is the client side only. Phases: the Pax8 client as shipped (<c>AddPax8Client</c>, rate limit
/// off) doing <c>findCompanyById</c> from N concurrent callers; a hand-written <see cref="HttpClient"/> + System.Text.Json
/// doing the same GET (the like-for-like baseline); and a short phase with a rate limit that checks that nothing waits
/// in the limiter beyond its configured queue.
/// </summary>
public static class LoadRun
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Contains("--serve"))
        {
            return await LoadRunServer.ServeAsync().ConfigureAwait(false);
        }

        var quick = args.Contains("--quick");
        var settings = new LoadSettings(
            Callers: Option(args, "--callers", quick ? 50 : 1000),
            Seconds: Option(args, "--seconds", quick ? 3 : 60),
            Quick: quick);
        var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("artifacts", "benchmarks", "load.md");

        var loadAtStart = File.ReadAllText("/proc/loadavg").Trim();
        await using var server = await LoadRunServer.StartChildAsync().ConfigureAwait(false);
        using var wire = new WireMeter();
        var pax8Url = new Uri(server.BaseAddress, "pax8/v1/");
        var tokenUrl = new Uri(server.BaseAddress, "pax8/v1/token");

        // Throughput: the client as shipped, rate limit off (RequestsPerMinute = 0).
        await using var unlimited = Pax8Under.Create(pax8Url, tokenUrl, requestsPerMinute: 0);
        var ids = (await unlimited.Client.FindCompaniesAsync(page: 0, size: 200).ConfigureAwait(false)).Content.Select(c => c.Id!).ToArray();
        Func<int, Task> pax8Call = i => unlimited.Client.FindCompanyByIdAsync(ids[i % ids.Length]);
        await LoadPhase.RunAsync(settings.Callers, TimeSpan.FromSeconds(quick ? 0.5 : 3), pax8Call, server, wire).ConfigureAwait(false); // warm-up
        var pax8 = await LoadPhase.RunAsync(settings.Callers, TimeSpan.FromSeconds(settings.Seconds), pax8Call, server, wire).ConfigureAwait(false);

        // Baseline: a bare HttpClient (same SocketsHttpHandler settings as the shipped transport) + STJ, same GET.
        using var bareHttp = new HttpClient(ClientRegistration.CreatePrimaryHandler()) { BaseAddress = pax8Url };
        bareHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(bareHttp, tokenUrl).ConfigureAwait(false));
        var bare = new BaselineClient(bareHttp);
        Func<int, Task> bareCall = i => bare.GetCompanyAsync(ids[i % ids.Length]);
        var bareSeconds = quick ? 1.5 : Math.Max(5, settings.Seconds / 3.0);
        await LoadPhase.RunAsync(settings.Callers, TimeSpan.FromSeconds(quick ? 0.5 : 2), bareCall, server, wire).ConfigureAwait(false); // warm-up
        var baseline = await LoadPhase.RunAsync(settings.Callers, TimeSpan.FromSeconds(bareSeconds), bareCall, server, wire).ConfigureAwait(false);

        // Queueing: a budget of R per minute with the default queue (R); callers > 2R so the queue fills.
        var limit = Math.Max(4, settings.Callers / 4);
        await using var limited = Pax8Under.Create(pax8Url, tokenUrl, requestsPerMinute: limit);
        var queue = await RateLimitPhase.RunAsync(limited, settings.Callers, limit, TimeSpan.FromSeconds(quick ? 2 : 10), ids).ConfigureAwait(false);

        var loadAtEnd = File.ReadAllText("/proc/loadavg").Trim();
        var report = LoadReport.Write(settings, loadAtStart, loadAtEnd, pax8, baseline, queue, wire.Seen);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.WriteAllTextAsync(outPath, report).ConfigureAwait(false);
        await output.WriteAsync(report).ConfigureAwait(false);

        var failures = new List<string>();
        if (pax8.Completed == 0 || baseline.Completed == 0)
        {
            failures.Add("a throughput phase completed no request");
        }

        failures.AddRange(queue.Failures);
        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync("FAIL: " + failure).ConfigureAwait(false);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task<string> TokenAsync(HttpClient http, Uri tokenUrl)
    {
        using var response = await http.PostAsJsonAsync(tokenUrl, new Dictionary<string, string>
        {
            ["client_id"] = SandboxOptions.DefaultPax8ClientId,
            ["client_secret"] = SandboxOptions.DefaultPax8ClientSecret,
            ["audience"] = Pax8ClientOptions.DefaultAudience,
            ["grant_type"] = "client_credentials",
        }).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>().ConfigureAwait(false);
        return body!["access_token"].ToString()!;
    }
}

/// <summary>The run's size.</summary>
public sealed record LoadSettings(int Callers, int Seconds, bool Quick);

/// <summary>A Pax8 client registered as an application would (<c>AddPax8Client</c>), with its runtime's limiter.</summary>
internal sealed class Pax8Under : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private Pax8Under(ServiceProvider provider)
    {
        _provider = provider;
        Client = provider.GetRequiredService<IPax8Client>();
        var name = ClientRegistration.HttpClientName("Pax8", string.Empty);
        Runtime = provider.GetServices<ClientPipelineRegistration>().First(r => r.HttpClientName == name).Runtime(provider);
    }

    public IPax8Client Client { get; }

    public ClientRuntime Runtime { get; }

    public static Pax8Under Create(Uri baseUrl, Uri tokenUrl, int requestsPerMinute)
    {
        var services = new ServiceCollection();
        services.AddPax8Client(o =>
        {
            o.BaseUrl = baseUrl;
            o.TokenUrl = tokenUrl;
            o.ClientId = SandboxOptions.DefaultPax8ClientId;
            o.ClientSecret = SandboxOptions.DefaultPax8ClientSecret;
            o.RequestsPerMinute = requestsPerMinute;
            o.DangerousAllowCredentialsOverHttp = true; // loopback
        });
        return new Pax8Under(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
