using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tessera.Core.Drift;
using Tessera.Pax8;
using Tessera.Sandbox;
using Tessera.SmartPay;

namespace Tessera.Reliability.Tests.Drift;

/// <summary>
/// Drift end to end: the sandbox answers like a vendor that drifted from its docs (<see cref="SandboxOptions.Drift"/>),
/// and the clients still read every page while reporting each drift once per (operation, JSON path, kind): a log event,
/// a counter, and the CLI's <c>--report-drift</c> table.
/// </summary>
public sealed class DriftReportTests
{
    [Fact]
    public async Task A_drifting_page_reads_whole_and_each_drift_is_logged_once_per_operation_and_path()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Drift = true, Pax8RequestsPerMinute = 0 }, "http://127.0.0.1:0");
        var logs = new FakeLogCollector();
        using var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information));
        using var counter = new MetricCollector<long>(null, WireDrift.MeterName, WireDrift.CounterName);
        var client = Pax8Client.Create(
            new Pax8ClientOptions { ClientId = SandboxOptions.DefaultPax8ClientId, ClientSecret = SandboxOptions.DefaultPax8ClientSecret, BaseUrl = sandbox.Pax8BaseUrl, TokenUrl = sandbox.Pax8TokenUrl, RequestsPerMinute = 0 },
            loggerFactory);

        var first = await client.FindCompaniesAsync(page: 0, size: 50);
        var second = await client.FindCompaniesAsync(page: 1, size: 50);

        first.Content.Count.ShouldBe(50, "one odd value never loses a page");
        second.Content.Count.ShouldBe(50);
        first.Content[0].Status!.Value.Value.ShouldBe("drifted");
        first.Content[0].AdditionalProperties.ShouldContainKey("sandboxDrift");

        var drift = logs.GetSnapshot().Where(r => r.Id.Name == "ResponseDrift").Select(r => r.Message).ToList();
        drift.ShouldContain(m => m.Contains("findCompanies", StringComparison.Ordinal) && m.Contains("content[].sandboxDrift: UnknownMember (string)", StringComparison.Ordinal));
        drift.ShouldContain(m => m.Contains("content[].status: UnknownEnumValue (CompanyStatus \"drifted\")", StringComparison.Ordinal));
        drift.ShouldContain(m => m.Contains(" sandboxDrift: UnknownMember", StringComparison.Ordinal));
        drift.Count.ShouldBe(drift.Distinct().Count(), "each (operation, path, kind) is logged once, not per item or per page");

        var perPath = counter.GetMeasurementSnapshot()
            .Where(m => (string?)m.Tags["json.path"] == "content[].sandboxDrift")
            .Sum(m => m.Value);
        perPath.ShouldBe(2, "counted once per response: 50 items with the same drift are one");
    }

    [Fact]
    public async Task The_cli_prints_a_drift_table_after_the_call()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Drift = true, Pax8RequestsPerMinute = 0 }, "http://127.0.0.1:0");

        var (exitCode, output, error) = await Infrastructure.CliRun.RunAsync(
            new Dictionary<string, string?> { ["SMARTPAY_API_KEY"] = Tessera.Sandbox.SmartPay.SmartPaySandboxOptions.DefaultApiKey },
            "smartpay", "consumers", "list", "--base-url", sandbox.SmartPayBaseUrl.ToString(), "--report-drift", "--json");

        exitCode.ShouldBe(0, error);
        output.ShouldStartWith("[", Case.Sensitive, "stdout stays the result");
        error.ShouldContain("drift: what the responses carried that the spec does not describe");
        error.ShouldContain("sandboxDrift");
        error.ShouldContain("UnknownMember");
    }

    [Fact]
    public async Task Without_drift_the_report_says_none()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Pax8RequestsPerMinute = 0 }, "http://127.0.0.1:0");

        var (exitCode, _, error) = await Infrastructure.CliRun.RunAsync(
            new Dictionary<string, string?> { ["SMARTPAY_API_KEY"] = Tessera.Sandbox.SmartPay.SmartPaySandboxOptions.DefaultApiKey },
            "smartpay", "consumers", "list", "--base-url", sandbox.SmartPayBaseUrl.ToString(), "--report-drift");

        exitCode.ShouldBe(0, error);
        error.ShouldContain("drift: none");
    }
}
