namespace Tessera.Reliability.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
