using System.Security.Cryptography;
using System.Text;
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
        TestClients.WritePrivateFile(path, "{\"version\":1,\"sin\":\"" + TestClients.Sin + "\",\"tokens\":{\"pos\":{\"token\":\"" + TestClients.PosToken + "\"");
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
        File.Exists(path + ".foreign-" + SinHash("TeyN4LPrXiG5t2yuSamKqP3ynVk3F52iHrX")).ShouldBeTrue();
        logs.AllText.ShouldContain("TeyN4LPrXiG5t2yuSamKqP3ynVk3F52iHrX");
        logs.AllText.ShouldNotContain(TestClients.PosToken);
    }

    [Theory]
    [InlineData("../../escaped")]
    [InlineData("/tmp/absolute")]
    [InlineData("..")]
    [InlineData("a/../../b\\c")]
    public void A_foreign_file_is_moved_within_its_directory_under_a_safe_name_whatever_its_sin(string foreignSin)
    {
        var directory = Path.Combine(_directory, "store");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "tokens.json");
        TestClients.WritePrivateFile(path, "{\"version\":1,\"sin\":" + Newtonsoft.Json.JsonConvert.ToString(foreignSin) + ",\"tokens\":{\"pos\":{\"token\":\"" + TestClients.PosToken + "\"}}}");
        using var logs = new TestLogs();

        var store = new SmartexTokenStore(path, TestClients.Sin, logs.Factory.CreateLogger("test"));

        store.Facades.ShouldBeEmpty();
        Directory.GetFiles(directory).ShouldBe([path + ".foreign-" + SinHash(foreignSin)], "moved beside the store, nowhere else");
        Directory.GetFileSystemEntries(_directory).ShouldBe([directory], "nothing escaped the store's directory");
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldContain("(not a valid SIN)");
        warning.ShouldNotContain(foreignSin);
    }

    [Theory]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("-99999999999999999999")]
    [InlineData("2147483648")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1.0")]
    [InlineData("1e400")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    [InlineData("[1]")]
    public void A_huge_negative_or_non_integer_version_is_a_corrupt_file(string version) =>
        AssertCorrupt("{\"version\":" + version + ",\"sin\":\"" + TestClients.Sin + "\",\"tokens\":{\"pos\":{\"token\":\"" + TestClients.PosToken + "\"}}}");

    [Theory]
    [InlineData("\"tokens\":[]")]
    [InlineData("\"tokens\":{\"pos\":{\"token\":42}}")]
    [InlineData("\"tokens\":{\"pos\":{\"token\":\"  \"}}")]
    [InlineData("\"tokens\":{\"pos\":{\"token\":\"t\",\"pendingApproval\":\"yes\"}}")]
    [InlineData("\"tokens\":{\"pos\":{\"token\":\"t\",\"createdAt\":\"not a date\"}}")]
    [InlineData("\"tokens\":{\"pos\":{\"token\":\"t\",\"createdAt\":12}}")]
    [InlineData("\"tokens\":{\"pos\":\"t\"}")]
    [InlineData("\"tokens\":{\"\":{\"token\":\"t\"}}")]
    [InlineData("\"sin\":42")]
    public void Any_other_malformed_content_is_a_corrupt_file(string fragment)
    {
        var sin = fragment.StartsWith("\"sin\"", StringComparison.Ordinal) ? string.Empty : $"\"sin\":\"{TestClients.Sin}\",";
        AssertCorrupt("{\"version\":1," + sin + fragment + "}");
    }

    [Fact]
    public void Invalid_utf8_is_a_corrupt_file()
    {
        var path = Path.Combine(_directory, "tokens.json");
        TestClients.WritePrivateFile(path, string.Empty);
        File.WriteAllBytes(path, [.. "{\"version\":1,\"sin\":\""u8, 0xC3, 0x28, .. "\"}"u8]);

        new SmartexTokenStore(path, TestClients.Sin).Facades.ShouldBeEmpty();

        File.Exists(path + ".corrupt").ShouldBeTrue();
    }

    [Fact]
    public void A_world_readable_store_is_not_used_nor_overwritten_and_is_logged_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes only.
        }

        var path = Path.Combine(_directory, "tokens.json");
        new SmartexTokenStore(path, TestClients.Sin).Set(new SmartexStoredToken("pos", TestClients.PosToken));
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        var before = File.ReadAllText(path);
        using var logs = new TestLogs();

        var store = new SmartexTokenStore(path, TestClients.Sin, logs.Factory.CreateLogger("test"));
        store.Set(new SmartexStoredToken("merchant", TestClients.MerchantToken));

        store.IsBypassed.ShouldBeTrue();
        store.Get("pos").ShouldBeNull("a file others can read may also have been planted");
        store.Get("merchant")!.Token.ShouldBe(TestClients.MerchantToken, "the store still works, in memory");
        File.ReadAllText(path).ShouldBe(before);
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldStartWith("Warning");
        warning.ShouldContain($"chmod 600 '{path}'");
        logs.AllText.ShouldNotContain(TestClients.PosToken);
    }

    [Fact]
    public void A_symlink_at_the_store_path_is_not_followed_and_its_target_is_not_modified()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating a link needs a privilege there; the check itself runs on every platform.
        }

        var target = Path.Combine(_directory, "planted.json");
        new SmartexTokenStore(target, TestClients.Sin).Set(new SmartexStoredToken("pos", TestClients.PosToken));
        var before = File.ReadAllText(target);
        var path = Path.Combine(_directory, "tokens.json");
        File.CreateSymbolicLink(path, target);
        using var logs = new TestLogs();

        var store = new SmartexTokenStore(path, TestClients.Sin, logs.Factory.CreateLogger("test"));
        store.Set(new SmartexStoredToken("merchant", TestClients.MerchantToken));

        store.Get("pos").ShouldBeNull("the planted token is never used");
        File.ReadAllText(target).ShouldBe(before, "nothing is written through the link");
        new FileInfo(path).LinkTarget.ShouldBe(target);
        logs.AllText.ShouldContain("symbolic link");
    }

    private void AssertCorrupt(string content)
    {
        var path = Path.Combine(_directory, "tokens.json");
        TestClients.WritePrivateFile(path, content);
        using var logs = new TestLogs();

        var store = Should.NotThrow(() => new SmartexTokenStore(path, TestClients.Sin, logs.Factory.CreateLogger("test")));

        store.Facades.ShouldBeEmpty();
        File.Exists(path).ShouldBeFalse();
        File.ReadAllText(path + ".corrupt").ShouldBe(content);
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldStartWith("Warning");
        warning.ShouldContain(path + ".corrupt");
        warning.ShouldNotContain(TestClients.PosToken);
    }

    private static string SinHash(string sin) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sin)))[..16];

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
