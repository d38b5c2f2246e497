using System.Globalization;

namespace Tessera.Sandbox;

/// <summary>
/// Runs the sandbox standalone: <c>dotnet run --project src/Tessera.Sandbox -- --urls http://127.0.0.1:5080</c>.
/// Optional: <c>--seed N</c>, <c>--companies N</c>, <c>--requests-per-minute N</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new SandboxOptions();
        var urls = "http://127.0.0.1:5080";
        for (var index = 0; index < args.Length; index++)
        {
            var (name, value) = args[index].Split('=', 2) is [var key, var inline] ? (key, inline) : (args[index], index + 1 < args.Length ? args[++index] : null);
            switch (name)
            {
                case "--urls" when value is not null:
                    urls = value;
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var seed):
                    options.Seed = seed;
                    break;
                case "--companies" when int.TryParse(value, CultureInfo.InvariantCulture, out var companies):
                    options.Pax8CompanyCount = companies;
                    break;
                case "--requests-per-minute" when int.TryParse(value, CultureInfo.InvariantCulture, out var perMinute):
                    options.Pax8RequestsPerMinute = perMinute;
                    break;
                default:
                    await Console.Error.WriteLineAsync("Unknown or incomplete argument: " + args[index]).ConfigureAwait(false);
                    await Console.Error.WriteLineAsync("Usage: Tessera.Sandbox [--urls http://127.0.0.1:5080] [--seed 42] [--companies 320] [--requests-per-minute 1000]").ConfigureAwait(false);
                    return 2;
            }
        }

        var app = SandboxServer.Build(options, consoleLogging: true, urls.Split(';', StringSplitOptions.RemoveEmptyEntries));
        await using var disposeApp = app.ConfigureAwait(false);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First().TrimEnd('/');
        Console.WriteLine("Sandbox running. Press Ctrl+C to stop.");
        Console.WriteLine("  Pax8 base URL:      " + address + "/pax8/v1/");
        Console.WriteLine("  Pax8 token URL:     " + address + "/pax8/v1/token");
        Console.WriteLine("  Pax8 client id:     " + options.Pax8ClientId);
        Console.WriteLine("  Pax8 client secret: " + options.Pax8ClientSecret);
        Console.WriteLine("  Audience:           https://api.pax8.com");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Seed {options.Seed}, {options.Pax8CompanyCount} companies, {options.Pax8RequestsPerMinute} requests/minute"));
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
