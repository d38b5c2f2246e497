namespace Generated.Benchmarks.Infrastructure;

/// <summary>Set-up checks: a variant that returns the wrong thing must not be timed.</summary>
public static class Check
{
    public static void Equal<T>(T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            throw new InvalidOperationException($"Benchmark set-up check failed: expected {expected}, got {actual}.");
        }
    }

    public static void Count(int actual, int expected) => Equal(actual, expected);

    public static void Company(Pax8.Company company)
    {
        Equal(company.Id, Payloads.CompanyId);
        Equal(company.UpdatedDate, new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)));
    }

    public static void Company(Baseline.CompanyDto company)
    {
        Equal(company.Id, Payloads.CompanyId);
        Equal(company.UpdatedDate, new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)));
    }
}
