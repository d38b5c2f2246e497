using Tessera.Pax8;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Sandbox;

namespace Tessera.Reliability.Tests.SharedState;

/// <summary>
/// A separate process sharing one token cache file with its siblings:
/// <c>cache-worker &lt;file&gt; &lt;base64 key or -&gt; &lt;pax8 base url&gt; &lt;token url&gt; &lt;worker id&gt; &lt;entries&gt; &lt;go file&gt;</c>.
/// It says "ready", waits for the go file, makes a Pax8 call through a client using the file cache (the token
/// race), then writes its own entries through the same file (read-modify-write races), and prints the token it used.
/// </summary>
internal static class CacheWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var (file, key, baseUrl, tokenUrl, id, entries, go) = (args[0], args[1] == "-" ? null : args[1], new Uri(args[2]), new Uri(args[3]), args[4], int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture), args[6]);
            var client = Pax8Client.Create(new Pax8ClientOptions
            {
                ClientId = SandboxOptions.DefaultPax8ClientId,
                ClientSecret = SandboxOptions.DefaultPax8ClientSecret,
                BaseUrl = baseUrl,
                TokenUrl = tokenUrl,
                TokenCache = TokenCacheKind.File,
                TokenCacheFile = file,
                TokenCacheEncryptionKey = key,
                RequestsPerMinute = 0,
            });
            var cache = new FileTokenCache(new FileTokenCacheOptions { Path = file, EncryptionKey = key is null ? null : Convert.FromBase64String(key), LockTimeout = TimeSpan.FromSeconds(30) });

            await Console.Out.WriteLineAsync("ready");
            await Console.Out.FlushAsync();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(go))
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(60))
                {
                    await Console.Error.WriteLineAsync("no go signal");
                    return 3;
                }

                await Task.Delay(1);
            }

            var page = await client.FindCompaniesAsync(size: 1);
            if (page.Content.Count != 1)
            {
                return 4;
            }

            for (var i = 0; i < entries; i++)
            {
                await cache.SetAsync($"worker-{id}-{i}", new AccessToken($"value-{id}-{i}", DateTimeOffset.UtcNow.AddHours(1)));
            }

            await Console.Out.WriteLineAsync("done");
            return 0;
        }
#pragma warning disable CA1031 // A helper process reports every failure through its exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync(ex.ToString());
            return 1;
        }
    }
}
