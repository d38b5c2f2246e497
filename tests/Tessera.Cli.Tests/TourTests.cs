namespace Tessera.Cli.Tests;

public sealed class TourTests
{
    [Fact]
    public async Task The_tour_runs_on_the_embedded_sandbox_without_credentials()
    {
        var (exitCode, _, error) = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["PAX8_CLIENT_ID"] = null, ["PAX8_CLIENT_SECRET"] = null },
            ["tour"]);

        exitCode.ShouldBe(0, error);
    }
}
