using Tessera.Reliability.Tests.Infrastructure;

namespace Tessera.Reliability.Tests.Validation;

/// <summary>The command line refuses what the specs constrain, with exit code 2 and one clear line, before any call.</summary>
public sealed class CliValidationTests : IDisposable
{
    // Nothing listens on port 9 (discard): a command that got past validation would fail with exit code 1, not 2.
    private const string Nowhere = "http://127.0.0.1:9/";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("reliability-cli-");

    public void Dispose() => _home.Delete(recursive: true);

    public static TheoryData<string[], string> Cases() => new()
    {
        { ["smartex", "pair", "abc"], "7 letters or digits" },
        { ["smartex", "pair", "abcdefgh"], "7 letters or digits" },
        { ["smartex", "approve", "a-b-c-d"], "7 letters or digits" },
        { ["smartex", "invoice", "create", "--price", "0", "--currency", "USD"], "--price must be greater than zero" },
        { ["smartex", "invoice", "create", "--price", "-3", "--currency", "USD"], "--price must be greater than zero" },
        { ["smartex", "invoice", "create", "--price", "5", "--currency", "US"], "three-letter code" },
        { ["smartex", "invoice", "create", "--price", "five", "--currency", "USD"], "five" },
        { ["pax8", "companies", "list", "--size", "500"], "--size must be between 1 and 200" },
        { ["pax8", "companies", "list", "--size", "0"], "--size must be between 1 and 200" },
        { ["smartpay", "orders", "list", "--page", "0"], "--page starts at 1" },
        { ["tour", "--pax8-url", "not a url"], "is not an absolute http(s) URL" },
        { ["tour", "--only", "stripe"], "stripe" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Cases))]
    public async Task Invalid_input_exits_with_code_2_and_says_what_is_wrong(string[] args, string expected)
    {
        var keyFile = Path.Combine(_home.FullName, "api.key");
        var full = args[0] switch
        {
            "smartex" => [.. args, "--base-url", Nowhere, "--key-file", keyFile],
            "pax8" => [.. args, "--base-url", Nowhere + "pax8/v1/", "--token-url", Nowhere + "pax8/v1/token"],
            "smartpay" => [.. args, "--base-url", Nowhere],
            _ => args,
        };

        var (exitCode, _, error) = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["PAX8_CLIENT_ID"] = "id", ["PAX8_CLIENT_SECRET"] = "secret", ["SMARTPAY_API_KEY"] = "key" },
            full);

        exitCode.ShouldBe(2, error);
        error.ShouldContain(expected);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_consumer_body_with_a_country_name_is_refused_by_the_client_before_sending()
    {
        var body = Path.Combine(_home.FullName, "consumer.json");
        await File.WriteAllTextAsync(body, """{"first_name":"A","last_name":"B","email":"a@b.example","phone":"6045550100","street_address":"1 St","city":"Vancouver","province_state":"BC","postal_code":"V6C 1S4","country":"Canada"}""");

        var (exitCode, _, error) = await CliRun.RunAsync(
            new Dictionary<string, string?> { ["SMARTPAY_API_KEY"] = "key" },
            "smartpay", "consumers", "create", "--body", body, "--base-url", Nowhere);

        exitCode.ShouldBe(2, error);
        error.ShouldContain("ISO 3166-1 alpha-2");
    }
}
