using Tessera.Reliability.Tests.Infrastructure;
using Tessera.Sandbox;

namespace Tessera.Reliability.Tests.Secrets;

/// <summary>What the command line prints and sends: no echoed secret on stderr, no production credential in the tour.</summary>
public sealed class CliAndTourSecretTests
{
    private const string ProductionClientId = "prod-client-id-7f31";
    private const string ProductionClientSecret = "prod-client-secret-92c4e1";
    private const string ProductionApiKey = "sp_live_production_key_55d0";

    [Fact(Timeout = 60_000)]
    public async Task Attack_an_echoing_server_gets_no_secret_onto_the_cli_stderr()
    {
        await using var server = await EchoingPax8.StartAsync();

        var (exitCode, stdout, stderr) = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["PAX8_CLIENT_ID"] = ProductionClientId, ["PAX8_CLIENT_SECRET"] = ProductionClientSecret },
            "pax8", "companies", "get", Guid.NewGuid().ToString(), "--verbose",
            "--base-url", server.BaseUrl.ToString(), "--token-url", server.TokenUrl.ToString());

        exitCode.ShouldBe(1, stderr);
        stderr.ShouldContain("error: ");
        stderr.ShouldContain("cannot use *** for this partner", Case.Sensitive, "the vendor's message is shown, the token in it is not");
        foreach (var secret in new[] { server.Token, ProductionClientSecret })
        {
            stderr.ShouldNotContain(secret);
            stdout.ShouldNotContain(secret);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Attack_the_tour_with_production_variables_set_sends_none_of_them()
    {
        var options = new SandboxOptions { Pax8RequestsPerMinute = 0 };
        options.Faults!.RecordTraffic = true;
        await using var sandbox = await SandboxServer.StartAsync(options);

        var (exitCode, _, stderr) = await CliRun.RunAsync(
            new Dictionary<string, string?>
            {
                ["PAX8_CLIENT_ID"] = ProductionClientId,
                ["PAX8_CLIENT_SECRET"] = ProductionClientSecret,
                ["SMARTPAY_API_KEY"] = ProductionApiKey,
            },
            "tour",
            "--pax8-url", sandbox.Pax8BaseUrl.ToString(), "--pax8-token-url", sandbox.Pax8TokenUrl.ToString(),
            "--smartpay-url", sandbox.SmartPayBaseUrl.ToString(), "--smartex-url", sandbox.SmartexBaseUrl.ToString(),
            "--sandbox-url", sandbox.BaseAddress.ToString());

        exitCode.ShouldBe(0, stderr);
        var traffic = options.Faults.Traffic;
        traffic.Count.ShouldBeGreaterThan(20);
        foreach (var exchange in traffic)
        {
            var sent = $"{exchange.Method} {exchange.Path}\n{string.Join("\n", exchange.RequestHeaders.Select(h => h.Key + ": " + h.Value))}\n{exchange.RequestBody}";
            sent.ShouldNotContain(ProductionClientId);
            sent.ShouldNotContain(ProductionClientSecret);
            sent.ShouldNotContain(ProductionApiKey);
        }
    }
}
