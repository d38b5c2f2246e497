using Tessera.Smartex.Identity;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tests.Identity;
using Tessera.Smartex.Tests.Infrastructure;
using Tessera.Smartex.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tessera.Smartex.Tests.Hosting;

public sealed class ClientSetupTests : IDisposable
{
    private readonly string _directory = TestClients.TempDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_key_is_generated_saved_owner_only_and_reused()
    {
        var keyFile = Path.Combine(_directory, "smartex", "api.key");
        var options = new SmartexClientOptions { KeyFile = keyFile, RequestsPerMinute = 0 };

        var first = SmartexClient.Create(options, primaryHandler: new RecordingHandler(_ => TestClients.NoContent()));

        File.Exists(keyFile).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        SmartexSignature.IsValidSin(first.Identity.Sin).ShouldBeTrue();
        first.Tokens.FilePath.ShouldBe(Path.Combine(_directory, "smartex", "tokens.json"));
        first.Tokens.Set(new SmartexStoredToken("pos", TestClients.PosToken));

        var second = SmartexClient.Create(options, primaryHandler: new RecordingHandler(_ => TestClients.NoContent()));
        second.Identity.Sin.ShouldBe(first.Identity.Sin);
        second.Tokens.Get("pos")!.Token.ShouldBe(TestClients.PosToken, "tokens are loaded at start");
    }

    [Fact]
    public void An_existing_key_file_is_loaded()
    {
        var keyFile = Path.Combine(_directory, "api.key");
        TestClients.WritePrivateFile(keyFile, TestVectors.A.Pem);

        var client = SmartexClient.Create(new SmartexClientOptions { KeyFile = keyFile, CreateKeyIfMissing = false }, primaryHandler: new RecordingHandler(_ => TestClients.NoContent()));

        client.Identity.Sin.ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void A_missing_key_without_CreateKeyIfMissing_is_a_configuration_error()
    {
        var keyFile = Path.Combine(_directory, "absent.key");

        var exception = Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(() => SmartexClient.Create(new SmartexClientOptions { KeyFile = keyFile, CreateKeyIfMissing = false }));

        exception.Message.ShouldContain(keyFile);
        File.Exists(keyFile).ShouldBeFalse();
    }

    [Fact]
    public void A_corrupt_key_file_is_a_configuration_error_without_key_material()
    {
        var keyFile = Path.Combine(_directory, "bad.key");
        TestClients.WritePrivateFile(keyFile, "-----BEGIN EC PRIVATE KEY-----\nnot base64\n-----END EC PRIVATE KEY-----\n");

        var exception = Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(() => SmartexClient.Create(new SmartexClientOptions { KeyFile = keyFile }));

        exception.Message.ShouldContain(keyFile);
        File.ReadAllText(keyFile).ShouldContain("not base64", customMessage: "a bad key is never overwritten");
    }

    [Theory]
    [InlineData("https://smartex.io/?x=1")]
    [InlineData("https://smartex.io/#top")]
    public void Validate_rejects_a_base_url_with_a_query_or_fragment(string url)
    {
        var options = TestClients.Options(o => o.BaseUrl = new Uri(url));

        Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(options.Validate).Message.ShouldContain("BaseUrl");
    }

    [Fact]
    public void A_base_url_with_a_path_prefix_is_allowed_for_gateways_and_sandboxes()
    {
        Should.NotThrow(TestClients.Options(o => o.BaseUrl = new Uri("http://127.0.0.1:5080/smartex/")).Validate);
    }

    [Fact]
    public void Validate_rejects_negative_rate_limits()
    {
        Should.Throw<Tessera.Core.Clients.ClientConfigurationException>(TestClients.Options(o => o.RequestsPerMinute = -1).Validate).Message.ShouldContain("RequestsPerMinute");
    }

    [Fact]
    public async Task AddSmartexClient_binds_the_Smartex_section_and_registers_the_client_pairing_store_and_ipn()
    {
        var keyFile = Path.Combine(_directory, "api.key");
        TestClients.WritePrivateFile(keyFile, TestVectors.A.Pem);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smartex:BaseUrl"] = "https://test.smartex.io",
            ["Smartex:KeyFile"] = keyFile,
            ["Smartex:CreateKeyIfMissing"] = "false",
            ["Smartex:TokenStoreFile"] = Path.Combine(_directory, "store.json"),
            ["Smartex:RequestsPerMinute"] = "0",
            ["Smartex:Resilience:MaxRetryAttempts"] = "0",
        }).Build();
        var transport = new RecordingHandler(request => RecordingHandler.Json(Payloads.Read(request.RequestUri!.AbsolutePath == "/tokens" ? "token" : "invoice")));
        var services = new ServiceCollection();
        services.AddSmartexClient(configuration.GetSection(SmartexClientOptions.SectionName))
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        var pairing = provider.GetRequiredService<SmartexPairing>();
        await pairing.PairWithCodeAsync(TestClients.PairingCode);

        provider.GetRequiredService<ISmartexClient>().ShouldBeOfType<SmartexClient>();
        provider.GetRequiredService<SmartexIpn>().ShouldNotBeNull();
        var store = provider.GetRequiredService<SmartexTokenStore>();
        store.FilePath.ShouldBe(Path.Combine(_directory, "store.json"));
        store.Get("pos")!.Token.ShouldBe(TestClients.PosToken);
        pairing.Sin.ShouldBe(TestVectors.A.Sin);
        transport.Requests.ShouldHaveSingleItem().Uri.AbsoluteUri.ShouldBe("https://test.smartex.io/tokens");

        await provider.GetRequiredService<ISmartexClient>().CreateInvoiceAsync(new InvoiceRequest { Price = 1m, Currency = "USD" });
        var invoice = transport.Requests[1];
        invoice.BodyToken.ShouldBe(TestClients.PosToken);
        SmartexRequestSigner.Verify(invoice.Uri, invoice.BodyBytes, invoice.Header(SmartexHeaders.Identity)!, invoice.Header(SmartexHeaders.Signature)!).ShouldBeTrue();
    }
}
