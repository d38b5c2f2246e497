using System.Globalization;
using Tessera.Pax8;
using Tessera.Sandbox;

namespace Tessera.Redis.Tests.ScaleOut;

/// <summary>
/// One application instance: <c>budget-worker &lt;redis&gt; &lt;pax8 base url&gt; &lt;token url&gt; &lt;callers&gt;
/// &lt;requests per minute&gt; &lt;expected instances&gt; &lt;run ms&gt; &lt;go file&gt;</c>. It says "ready", waits for the go
/// file, then its callers call Pax8 back to back until the run ends (a call still waiting for budget then is cut off,
/// not failed), and it prints <c>result &lt;completed&gt; &lt;failed&gt; &lt;cut off&gt;</c>; failures go to stderr.
/// </summary>
internal static class BudgetWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var redis = args[0];
            var (baseUrl, tokenUrl) = (new Uri(args[1]), new Uri(args[2]));
            var callers = int.Parse(args[3], CultureInfo.InvariantCulture);
            var budget = int.Parse(args[4], CultureInfo.InvariantCulture);
            var instances = int.Parse(args[5], CultureInfo.InvariantCulture);
            var run = TimeSpan.FromMilliseconds(int.Parse(args[6], CultureInfo.InvariantCulture));
            var go = args[7];

            using var shared = new RedisSharedState(new RedisSharedStateOptions { Configuration = redis, ExpectedInstances = instances, OperationTimeout = TimeSpan.FromMilliseconds(500), RetryInterval = TimeSpan.FromMilliseconds(250) });
            var client = Pax8Client.Create(new Pax8ClientOptions
            {
                ClientId = SandboxOptions.DefaultPax8ClientId,
                ClientSecret = SandboxOptions.DefaultPax8ClientSecret,
                BaseUrl = baseUrl,
                TokenUrl = tokenUrl,
                RequestsPerMinute = budget,
                TokenCacheEncryptionKey = Convert.ToBase64String(new byte[32]),
                SharedState = shared,
            });

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

            using var end = new CancellationTokenSource(run);
            var (completed, failed, cutOff) = (0, 0, 0);
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                while (!end.IsCancellationRequested)
                {
                    try
                    {
                        await client.FindCompaniesAsync(size: 1, cancellationToken: end.Token);
                        Interlocked.Increment(ref completed);
                    }
#pragma warning disable CA1031 // Every failure is counted and reported.
                    catch (Exception) when (end.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref cutOff);
                    }
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        Interlocked.Increment(ref failed);
                        await Console.Error.WriteLineAsync(ex.GetType().Name + ": " + ex.Message);
                    }
                }
            }));

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"result {completed} {failed} {cutOff}"));
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
