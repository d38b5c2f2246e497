namespace Tessera.Reliability.Tests;

/// <summary>
/// The entry point of the test assembly when it runs as a helper process (the test host never calls it):
/// <c>dotnet exec Tessera.Reliability.Tests.dll cache-worker|redaction-worker …</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) => args.Length == 0 ? 2 : args[0] switch
    {
        "cache-worker" => await SharedState.CacheWorker.RunAsync(args[1..]),
        "redaction-worker" => await Secrets.RedactionWorker.RunAsync(args[1..]),
        _ => 2,
    };
}
