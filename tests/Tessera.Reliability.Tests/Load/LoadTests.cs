using Xunit.Abstractions;

namespace Tessera.Reliability.Tests.Load;

/// <summary>The sandbox and the clients under bounded load on loopback: zero errors, throughput and latency reported.</summary>
[Collection(Infrastructure.HeavyCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Two_hundred_calls_in_flight_for_three_seconds_without_an_error()
    {
        var report = await LoadRunner.RunAsync(TimeSpan.FromSeconds(3), concurrency: 200);

        output.WriteLine(report.ToString());
        report.Errors.ShouldBe(0, string.Join("\n", report.FirstErrors));
        report.Requests.ShouldBeGreaterThan(200);
    }

    [Fact(Timeout = 180_000)]
    [Trait("Category", "Long")]
    public async Task Two_hundred_calls_in_flight_for_thirty_seconds_without_an_error()
    {
        var report = await LoadRunner.RunAsync(TimeSpan.FromSeconds(30), concurrency: 200);

        output.WriteLine(report.ToString());
        report.Errors.ShouldBe(0, string.Join("\n", report.FirstErrors));
        report.Requests.ShouldBeGreaterThan(2000);
    }
}
