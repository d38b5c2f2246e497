using Tessera.Sandbox;
using Newtonsoft.Json.Linq;

namespace Tessera.Cli.Tests;

/// <summary>The <c>pax8</c> commands against a sandbox on a loopback port, exactly as a user runs them.</summary>
public sealed class Pax8CommandTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task List_all_as_json_is_one_document_with_every_item()
    {
        var (exitCode, output, error) = await RunAsync("pax8", "companies", "list", "--all", "--json");

        exitCode.ShouldBe(0, error);
        JArray.Parse(output).Count.ShouldBe(_sandbox.Pax8.CompanyCount);
    }

    [Fact]
    public async Task An_api_error_is_one_line_on_stderr_and_exit_code_1()
    {
        var (exitCode, output, error) = await RunAsync("pax8", "companies", "get", Guid.Empty.ToString());

        exitCode.ShouldBe(1);
        output.ShouldBeEmpty();
        error.Trim().Split('\n').Length.ShouldBe(1);
        error.ShouldContain("HTTP 404 NOT_FOUND");
    }

    [Fact]
    public async Task Rejected_credentials_exit_with_3_and_never_print_the_secret()
    {
        var (exitCode, _, error) = await CliRun.RunAsync(
            Credentials("not-the-secret-4b1e"),
            ["pax8", "products", "list", "--base-url", _sandbox.Pax8BaseUrl.AbsoluteUri, "--token-url", _sandbox.Pax8TokenUrl.AbsoluteUri]);

        exitCode.ShouldBe(3);
        error.ShouldContain("rejected the client credentials");
        error.ShouldNotContain("not-the-secret-4b1e");
    }

    [Fact]
    public async Task Missing_credentials_are_an_input_error()
    {
        var (exitCode, _, error) = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["PAX8_CLIENT_ID"] = null, ["PAX8_CLIENT_SECRET"] = null },
            ["pax8", "companies", "list", "--base-url", _sandbox.Pax8BaseUrl.AbsoluteUri]);

        exitCode.ShouldBe(2);
        error.ShouldContain("ClientId is required");
    }

    [Theory]
    [InlineData("--size", "500")]
    [InlineData("--base-url", "not-a-url")]
    public async Task Invalid_input_is_rejected_before_any_request(string option, string value)
    {
        var requestsBefore = _sandbox.Pax8.RequestLog.Count;

        var (exitCode, _, error) = await CliRun.RunAsync(Credentials(SandboxOptions.DefaultPax8ClientSecret), ["pax8", "companies", "list", option, value]);

        exitCode.ShouldBe(2);
        error.ShouldStartWith("error:");
        _sandbox.Pax8.RequestLog.Count.ShouldBe(requestsBefore);
    }

    [Fact]
    public async Task Create_reads_a_json_body_from_a_file()
    {
        var body = Path.GetTempFileName();
        await File.WriteAllTextAsync(body, """
            {"name":"CLI Test Dental","address":{"street":"1 Main St","city":"Boulder","stateOrProvince":"CO","postalCode":"80302","country":"US"},
             "phone":"303-555-0111","website":"clitest.example","billOnBehalfOfEnabled":false,"selfServiceAllowed":false,"orderApprovalRequired":false}
            """);
        try
        {
            var (exitCode, output, error) = await RunAsync("pax8", "companies", "create", "--body", body, "--json");

            exitCode.ShouldBe(0, error);
            JObject.Parse(output)["name"]!.Value<string>().ShouldBe("CLI Test Dental");
            _sandbox.Pax8.CreatedCompanyIds.ShouldContain(JObject.Parse(output)["id"]!.Value<string>()!);
        }
        finally
        {
            File.Delete(body);
        }
    }

    [Fact]
    public async Task Tenant_id_reads_the_experimental_portal_call_end_to_end()
    {
        var (_, companies, listError) = await RunAsync("pax8", "companies", "list", "--size", "1", "--json");
        var companyId = JArray.Parse(companies.Length == 0 ? throw new InvalidOperationException(listError) : companies)[0]["id"]!.Value<string>()!;

        var (exitCode, output, error) = await RunAsync("pax8", "tenant-id", companyId, "--json", "--experimental-base-url", _sandbox.Pax8ExperimentalBaseUrl.AbsoluteUri);

        exitCode.ShouldBe(0, error);
        Guid.TryParse(JObject.Parse(output)["tenantId"]!.Value<string>(), out _).ShouldBeTrue(output);
        _sandbox.Pax8.RequestLog.ShouldContain(r => r.Path == $"/pax8/p8p/api/v3/companies/{companyId}/msTenantId" && r.Status == 200);
    }

    private static Dictionary<string, string?> Credentials(string secret) => new()
    {
        ["PAX8_CLIENT_ID"] = SandboxOptions.DefaultPax8ClientId,
        ["PAX8_CLIENT_SECRET"] = secret,
    };

    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync(
            Credentials(SandboxOptions.DefaultPax8ClientSecret),
            [.. args, "--base-url", _sandbox.Pax8BaseUrl.AbsoluteUri, "--token-url", _sandbox.Pax8TokenUrl.AbsoluteUri]);
}
