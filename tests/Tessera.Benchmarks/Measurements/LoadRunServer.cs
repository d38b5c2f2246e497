using System.Diagnostics;
using Tessera.Sandbox;

namespace Tessera.Benchmarks.Measurements;

/// <summary>
/// The sandbox of the load run, in a child process (this program with <c>load --serve</c>), so that the CPU time of
/// the benchmark process is the client's alone. The child prints its address, then serves until its standard input
/// closes.
/// </summary>
internal sealed class LoadRunServer : IAsyncDisposable
{
    private const string Ready = "LISTENING ";
    private readonly Process _process;

    private LoadRunServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The child's CPU time so far (user + system), read from /proc.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Child mode: the sandbox on a free loopback port, its own request limit off.</summary>
    public static async Task<int> ServeAsync()
    {
        var options = new SandboxOptions { Pax8RequestsPerMinute = 0, Faults = null };
        await using var sandbox = await SandboxServer.StartAsync(options, "http://127.0.0.1:0").ConfigureAwait(false);
        Console.WriteLine(Ready + sandbox.BaseAddress);
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }

        return 0;
    }

    public static async Task<LoadRunServer> StartChildAsync()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadRunServer).Assembly.Location);
        }

        start.ArgumentList.Add("load");
        start.ArgumentList.Add("--serve");
        start.Environment["DOTNET_gcServer"] = "1"; // as a server would run
        var process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The sandbox process exited before it listened.");
            if (line.StartsWith(Ready, StringComparison.Ordinal))
            {
                return new LoadRunServer(process, new Uri(line[Ready.Length..]));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
