using Tessera.Sandbox;
using Newtonsoft.Json.Linq;

namespace Tessera.Cli.Tests;

/// <summary>
/// <c>smartex invoice refund|refunds</c> against a sandbox on a loopback port: the CLI fetches the invoice with the
/// merchant token for its resource token, then requests and lists refunds with it.
/// </summary>
public sealed class SmartexRefundCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tessera-cli-refunds-").FullName;
    private RunningSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_paid_invoice_is_refunded_and_its_refunds_listed()
    {
        var keygen = await RunAsync("smartex", "keygen");
        keygen.ExitCode.ShouldBe(0, keygen.Error);
        // Server-initiated pairing: the sandbox's dashboard issues the code (the CLI prints pairing codes redacted).
        var state = _sandbox.GetState<SmartexSandboxState>();
        var pair = await RunAsync("smartex", "pair", state.IssuePairingCode("merchant"));
        pair.ExitCode.ShouldBe(0, pair.Error);
        var invoice = await JsonAsync("smartex", "invoice", "create", "--price", "25", "--currency", "USD");
        var id = invoice["id"]!.ToString();

        var unpaid = await RunAsync("smartex", "invoice", "refund", id);
        unpaid.ExitCode.ShouldBe(1);
        unpaid.Error.ShouldContain("nothing to refund");

        await state.PayInvoiceAsync(id);

        var refund = await JsonAsync("smartex", "invoice", "refund", id);
        var refunds = JArray.Parse((await RunAsync("smartex", "invoice", "refunds", id, "--json")).Out);

        refund["id"]!.ToString().ShouldNotBeNullOrWhiteSpace();
        refunds.Select(r => r["id"]!.ToString()).ShouldBe([refund["id"]!.ToString()]);
    }

    private async Task<JObject> JsonAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync([.. args, "--json"]);
        exitCode.ShouldBe(0, error);
        return JObject.Parse(output);
    }

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync(
            new Dictionary<string, string?>(),
            [.. args, "--base-url", new Uri(_sandbox.BaseAddress, "smartex/").AbsoluteUri, "--key-file", Path.Combine(_directory, "api.key")]);
}
