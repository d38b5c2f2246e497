namespace Tessera.Redis.Tests;

/// <summary>
/// The entry point of the test assembly when it runs as a helper process (the test host never calls it):
/// <c>dotnet exec Tessera.Redis.Tests.dll budget-worker …</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) => args.Length == 0 ? 2 : args[0] switch
    {
        "budget-worker" => await ScaleOut.BudgetWorker.RunAsync(args[1..]),
        _ => 2,
    };
}
