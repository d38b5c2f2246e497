using Tessera.Core.Caching;
using System.Diagnostics;
using Tessera.Pax8;
using Tessera.Core.Errors;
using Xunit.Abstractions;

namespace Tessera.Reliability.Tests.Secrets;

/// <summary>
/// A token read back from a cache is redacted like a freshly fetched one: the second process never fetched it, yet
/// an echoing server gets it into neither that process's logs nor its exception messages.
/// </summary>
public sealed class CachedTokenRedactionTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Attack_an_echoed_token_from_the_file_cache_stays_redacted_in_a_second_process()
    {
        await using var server = await EchoingPax8.StartAsync();
        // A private directory (0700): /tmp itself is world-writable, and the cache refuses such a directory.
        var directory = Directory.CreateTempSubdirectory("pax8-redaction-");
        var file = Path.Combine(directory.FullName, "tokens.json");
        try
        {
            // The first process fetches the token and leaves it in the shared cache file.
            var first = Pax8Client.Create(new Pax8ClientOptions
            {
                ClientId = "echo-client", ClientSecret = "echo-client-secret-2b7", BaseUrl = server.BaseUrl, TokenUrl = server.TokenUrl,
                TokenCache = TokenCacheKind.File, TokenCacheFile = file, RequestsPerMinute = 0,
            });
            await Should.ThrowAsync<ApiException>(() => first.FindCompanyByIdAsync(Guid.NewGuid().ToString()));
            server.TokenRequests.ShouldBe(1);

            var (exitCode, stdout, stderr) = await RunWorkerAsync(file, server);

            exitCode.ShouldBe(0, stderr);
            server.TokenRequests.ShouldBe(1, "the second process used the cached token");
            stdout.ShouldContain("cannot use *** for this partner");
            output.WriteLine(stdout);
            stdout.ShouldNotContain(server.Token);
            stderr.ShouldNotContain(server.Token);
            stderr.ShouldContain("trce", Case.Sensitive, "bodies were logged at Trace");
            output.WriteLine($"second process: {stdout.Split('\n').Length} output lines, {stderr.Split('\n').Length} log lines, no token");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunWorkerAsync(string file, EchoingPax8 server)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(Program).Assembly.Location, "redaction-worker", file, server.BaseUrl.ToString(), server.TokenUrl.ToString() })
        {
            info.ArgumentList.Add(argument);
        }

        using var worker = Process.Start(info) ?? throw new InvalidOperationException("could not start the worker");
        var stdout = worker.StandardOutput.ReadToEndAsync();
        var stderr = worker.StandardError.ReadToEndAsync();
        await worker.WaitForExitAsync();
        return (worker.ExitCode, await stdout, await stderr);
    }
}
