namespace Tessera.Core.Tests.TestSupport;

/// <summary>Where the tests' fake clocks start; outcomes depend only on how far a test moves its clock, never on the date the suite runs.</summary>
internal static class TestClock
{
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
