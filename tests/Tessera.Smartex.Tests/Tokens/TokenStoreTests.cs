using Tessera.Testing;
using Tessera.Smartex.Tests.Infrastructure;
using Tessera.Smartex.Tokens;

namespace Tessera.Smartex.Tests.Tokens;

public sealed class TokenStoreTests : IDisposable
{
    private readonly string _directory = TestClients.TempDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Tokens_are_kept_per_facade_in_an_owner_only_file_and_reloaded()
    {
        var path = Path.Combine(_directory, "nested", "tokens.json");
        var store = new SmartexTokenStore(path, TestClients.Sin);

        store.Set(new SmartexStoredToken("pos", TestClients.PosToken, DateTimeOffset.FromUnixTimeMilliseconds(1426118060704)));
        store.Set(new SmartexStoredToken("merchant", TestClients.MerchantToken, pendingApproval: true, pairingExpiration: DateTimeOffset.FromUnixTimeMilliseconds(1426204460704)));

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path], "no temporary file is left behind");
        var reloaded = new SmartexTokenStore(path, TestClients.Sin);
        reloaded.Facades.ShouldBe(["merchant", "pos"]);
        reloaded.Get("pos")!.Token.ShouldBe(TestClients.PosToken);
        reloaded.Get("pos")!.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1426118060704));
        reloaded.Get("merchant")!.PendingApproval.ShouldBeTrue();
        reloaded.Get("merchant")!.PairingExpiration.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1426204460704));
        reloaded.Remove("merchant").ShouldBeTrue();
        new SmartexTokenStore(path, TestClients.Sin).Facades.ShouldBe(["pos"]);
    }

    [Fact]
    public void A_corrupt_file_is_moved_aside_with_a_warning_that_names_no_secret()
    {
        var path = Path.Combine(_directory, "tokens.json");
        File.WriteAllText(path, "{\"version\":1,\"sin\":\"" + TestClients.Sin + "\",\"tokens\":{\"pos\":{\"token\":\"" + TestClients.PosToken + "\"");
        using var logs = new TestLogs();

        var store = new SmartexTokenStore(path, TestClients.Sin, logs.Factory.CreateLogger("test"));

        store.Facades.ShouldBeEmpty();
        File.Exists(path + ".corrupt").ShouldBeTrue();
        File.Exists(path).ShouldBeFalse();
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldStartWith("Warning");
        warning.ShouldContain(path);
        warning.ShouldContain("must be paired again");
        warning.ShouldNotContain(TestClients.PosToken);

        store.Set(new SmartexStoredToken("pos", TestClients.NewToken));
        new SmartexTokenStore(path, TestClients.Sin).Get("pos")!.Token.ShouldBe(TestClients.NewToken);
    }

    [Fact]
    public void Tokens_of_another_identity_are_not_used()
    {
        var path = Path.Combine(_directory, "tokens.json");
        new SmartexTokenStore(path, "TeyN4LPrXiG5t2yuSamKqP3ynVk3F52iHrX").Set(new SmartexStoredToken("pos", TestClients.PosToken));
        using var logs = new TestLogs();

        var store = new SmartexTokenStore(path, TestClients.Sin, logs.Factory.CreateLogger("test"));

        store.Get("pos").ShouldBeNull();
        File.Exists(path + ".TeyN4LPrXiG5t2yuSamKqP3ynVk3F52iHrX").ShouldBeTrue();
        logs.AllText.ShouldContain("TeyN4LPrXiG5t2yuSamKqP3ynVk3F52iHrX");
        logs.AllText.ShouldNotContain(TestClients.PosToken);
    }

    [Fact]
    public void Token_values_never_appear_in_ToString()
    {
        var store = new SmartexTokenStore(null, TestClients.Sin);
        var token = new SmartexStoredToken("pos", TestClients.PosToken);
        store.Set(token);

        token.ToString().ShouldNotContain(TestClients.PosToken);
        store.ToString().ShouldNotContain(TestClients.PosToken);
        store.ToString().ShouldContain("pos");
        Tessera.Core.Diagnostics.SecretRedactor.Shared.Redact("x " + TestClients.PosToken).ShouldBe("x ***");
    }
}
