using System.Collections.Concurrent;

namespace Generated.Reliability.Tests.Secrets;

/// <summary>The figures of the secret scans, for the test output.</summary>
public static class SecretFigures
{
    public static ConcurrentDictionary<string, (int Secrets, int LogLines, int ApprovedFiles)> Runs { get; } = new();

    public static void Record(string run, int secrets, int logLines, int approvedFiles) => Runs[run] = (secrets, logLines, approvedFiles);
}
