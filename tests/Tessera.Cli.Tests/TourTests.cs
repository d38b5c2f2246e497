namespace Tessera.Cli.Tests;

public sealed class TourTests
{
    [Fact]
    public async Task The_tour_runs_on_the_embedded_sandbox_without_credentials()
    {
        var (exitCode, output, error) = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["PAX8_CLIENT_ID"] = null, ["PAX8_CLIENT_SECRET"] = null },
            ["tour"]);

        exitCode.ShouldBe(0, error);

        // The Pax8 webhooks step: the placed order's event reached the shipped MapPax8Webhook receiver, verified.
        output.ShouldContain("A forged delivery (guessed Authorization): HTTP 401");
        output.ShouldContain("Event received: topic SUBSCRIPTION, type New");
        output.ShouldContain("Authorization verified by MapPax8Webhook");
        output.ShouldContain("SUCCESS");
        output.ShouldContain("deleted.");
        output.ShouldContain("Tour complete: pax8, smartpay, smartex.");
    }

    [Fact]
    public async Task The_webhooks_calls_go_to_the_pax8_webhooks_url()
    {
        // Nothing listens on the discard port: the Partner API steps pass on the embedded sandbox, the webhooks step fails.
        var (exitCode, output, _) = await CliRun.RunAsync(
            new Dictionary<string, string?>(),
            ["tour", "--only", "pax8", "--pax8-webhooks-url", "http://127.0.0.1:9/api/v2/"]);

        exitCode.ShouldNotBe(0);
        output.ShouldContain("8. Webhook topics");
        output.ShouldNotContain("Authorization verified");
    }
}
