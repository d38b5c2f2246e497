using System.Diagnostics;
using System.Security.Cryptography;
using Tessera.Pax8;
using Tessera.Core.Caching;
using Tessera.Sandbox;
using Xunit.Abstractions;

namespace Tessera.Reliability.Tests.SharedState;

/// <summary>
/// Several processes (spawned, not threads) share one FileTokenCache file: no corrupt file, no lost entry, at most
/// one token request per process; and a damaged file is discarded and the token fetched again.
/// </summary>
[Collection(Reliability.Tests.Infrastructure.HeavyCollection.Name)]
public sealed class SharedTokenCacheTests(ITestOutputHelper output) : IDisposable
{
    private const int Processes = 6;
    private const int EntriesPerProcess = 15;
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("reliability-cache-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory(Timeout = 120_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Processes_racing_on_one_cache_file_lose_nothing_and_fetch_at_most_one_token_each(bool encrypted)
    {
        var key = encrypted ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : null;
        var file = Path.Combine(_directory.FullName, "tokens.json");
        var go = Path.Combine(_directory.FullName, "go");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Pax8RequestsPerMinute = 0 });

        var workers = Enumerable.Range(0, Processes).Select(id => Spawn(file, key, sandbox, id, go)).ToList();
        try
        {
            foreach (var worker in workers)
            {
                (await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))).ShouldBe("ready", await ErrorsAsync(worker));
            }

            await File.WriteAllTextAsync(go, "go");
            foreach (var worker in workers)
            {
                await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
                worker.ExitCode.ShouldBe(0, await ErrorsAsync(worker));
            }
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited))
            {
                worker.Kill();
            }
        }

        // No lost update: every entry of every process is in the file, which still decrypts and parses.
        var cache = new FileTokenCache(new FileTokenCacheOptions { Path = file, EncryptionKey = key is null ? null : Convert.FromBase64String(key) });
        for (var id = 0; id < Processes; id++)
        {
            for (var i = 0; i < EntriesPerProcess; i++)
            {
                (await cache.GetAsync($"worker-{id}-{i}")).ShouldNotBeNull($"entry {i} of process {id} was lost").Value.ShouldBe($"value-{id}-{i}");
            }
        }

        // At most one token request per process, and the token in the file is still good for the next process.
        var requests = sandbox.Pax8.TokenRequests;
        output.WriteLine($"{Processes} processes (encrypted: {encrypted}): {requests} token request(s), {Processes * EntriesPerProcess} entries written concurrently, none lost.");
        requests.ShouldBeInRange(1, Processes);
        var next = Pax8Client.Create(Options(sandbox, file, key));
        await next.FindCompaniesAsync(size: 1);
        sandbox.Pax8.TokenRequests.ShouldBe(requests, "the cached token was reused");
        if (encrypted)
        {
            (await File.ReadAllBytesAsync(file)).AsSpan(0, 4).SequenceEqual("GRTC"u8).ShouldBeTrue("the file stays encrypted");
        }
    }

    public static TheoryData<string> DamagedFiles() => ["truncated", "garbage", "empty", "wrong-key", "encrypted-read-as-plain", "plain-read-with-key", "json-of-another-shape"];

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(DamagedFiles))]
    public async Task A_damaged_cache_file_is_discarded_and_the_token_fetched_again(string damage)
    {
        await using var sandbox = await SandboxServer.StartInMemoryAsync(new SandboxOptions { Pax8RequestsPerMinute = 0 });
        var file = Path.Combine(_directory.FullName, damage + ".json");
        var keyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var keyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var (writeKey, readKey) = damage switch
        {
            "wrong-key" => (keyA, keyB),
            "encrypted-read-as-plain" => (keyA, null),
            "plain-read-with-key" => (null, keyA),
            _ => ((string?)null, (string?)null),
        };

        // A first client fills the file with a valid token; then the file is damaged.
        await Pax8Client.Create(Options(sandbox, file, writeKey), primaryHandler: sandbox.CreateHandler()).FindCompaniesAsync(size: 1);
        sandbox.Pax8.TokenRequests.ShouldBe(1);
        var bytes = await File.ReadAllBytesAsync(file);
        switch (damage)
        {
            case "truncated":
                await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
                break;
            case "garbage":
                await File.WriteAllBytesAsync(file, RandomNumberGenerator.GetBytes(300));
                break;
            case "empty":
                await File.WriteAllBytesAsync(file, []);
                break;
            case "json-of-another-shape":
                await File.WriteAllTextAsync(file, """{"x":[1,2,{"accessToken":null}],"y":"z","deep":[[[[[[[[]]]]]]]]}""");
                break;
        }

        var client = Pax8Client.Create(Options(sandbox, file, readKey), primaryHandler: sandbox.CreateHandler());
        (await client.FindCompaniesAsync(size: 1)).Content.Count.ShouldBe(1);

        sandbox.Pax8.TokenRequests.ShouldBe(2, "the damaged file was discarded and a token fetched again");
        var reread = Pax8Client.Create(Options(sandbox, file, readKey), primaryHandler: sandbox.CreateHandler());
        await reread.FindCompaniesAsync(size: 1);
        sandbox.Pax8.TokenRequests.ShouldBe(2, "the rewritten file is valid and reused");
    }

    private static Pax8ClientOptions Options(RunningSandbox sandbox, string file, string? key) => new()
    {
        ClientId = SandboxOptions.DefaultPax8ClientId,
        ClientSecret = SandboxOptions.DefaultPax8ClientSecret,
        BaseUrl = sandbox.Pax8BaseUrl,
        TokenUrl = sandbox.Pax8TokenUrl,
        TokenCache = TokenCacheKind.File,
        TokenCacheFile = file,
        TokenCacheEncryptionKey = key,
        RequestsPerMinute = 0,
    };

    private static Process Spawn(string file, string? key, RunningSandbox sandbox, int id, string go)
    {
        var assembly = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", assembly, "cache-worker", file, key ?? "-", sandbox.Pax8BaseUrl.ToString(), sandbox.Pax8TokenUrl.ToString(), id.ToString(System.Globalization.CultureInfo.InvariantCulture), EntriesPerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture), go })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start a worker");
    }

    private static async Task<string> ErrorsAsync(Process worker) =>
        worker.HasExited ? await worker.StandardError.ReadToEndAsync() : "(still running)";
}
