using System.Text;

namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>Runs the command line in process with captured standard output and error.</summary>
public static class CliRun
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await Gate.WaitAsync();
        var previousOut = Console.Out;
        var previousError = Console.Error;
        var previousEnvironment = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        try
        {
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Console.SetOut(TextWriter.Synchronized(output));
            Console.SetError(TextWriter.Synchronized(error));
            var exitCode = await Cli.CliApplication.RunAsync(args);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            foreach (var (name, value) in previousEnvironment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Gate.Release();
        }
    }
}
