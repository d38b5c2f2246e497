using System.Diagnostics;

namespace Tessera.Conventions.Tests;

/// <summary>The repository the tests run in, and the tools it pins.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    public static IEnumerable<string> TrackedFiles()
    {
        var (exitCode, output) = Run("git", "ls-files");
        return exitCode == 0 ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(PathOf(f))) : Directory
            .EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.StartsWith("node_modules/", StringComparison.Ordinal));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
