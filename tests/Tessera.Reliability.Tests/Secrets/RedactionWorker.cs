using Tessera.Core.Caching;
using Tessera.Pax8;
using Tessera.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Tessera.Reliability.Tests.Secrets;

/// <summary>
/// A second process that finds its Pax8 token in a cache file another process wrote:
/// <c>redaction-worker &lt;cache file&gt; &lt;base url&gt; &lt;token url&gt;</c>. It makes one failing call at Trace level
/// (logs to stderr) and prints the exception's message and full text to stdout (not <c>Response</c>, the raw body, which is documented unredacted).
/// </summary>
internal static class RedactionWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        var client = Pax8Client.Create(
            new Pax8ClientOptions
            {
                ClientId = "echo-client",
                ClientSecret = "echo-client-secret-2b7",
                BaseUrl = new Uri(args[1]),
                TokenUrl = new Uri(args[2]),
                TokenCache = TokenCacheKind.File,
                TokenCacheFile = args[0],
                RequestsPerMinute = 0,
            },
            loggerFactory);
        try
        {
            await client.FindCompanyByIdAsync(Guid.NewGuid().ToString());
            return 4;
        }
        catch (ApiException exception)
        {
            await Console.Out.WriteLineAsync(exception.Message);
            await Console.Out.WriteLineAsync(exception.ToString());
            return 0;
        }
    }
}
