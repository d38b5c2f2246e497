using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Tests.TestSupport;
using Tessera.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.Caching;

public sealed class FileTokenCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grt-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    private string CachePath => Path.Combine(_directory, "nested", "tokens.json");

    private AccessToken Token(string value, int minutes = 60) => new(value, _time.GetUtcNow().AddMinutes(minutes));

    private FileTokenCache Create(byte[]? key = null, ILogger? logger = null, string? path = null) =>
        new(new FileTokenCacheOptions { Path = path ?? CachePath, EncryptionKey = key, TimeProvider = _time, Logger = logger });

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes a fixture the way the cache itself would (directory 0700, file 0600): the default 0755/0644 of a test's
    /// temp files would be refused as readable by others.
    /// </summary>
    private async Task WriteFixtureAsync(byte[] content, string? path = null)
    {
        path ??= CachePath;
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await File.WriteAllBytesAsync(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    private Task WriteFixtureAsync(string content) => WriteFixtureAsync(Encoding.UTF8.GetBytes(content));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Tokens_round_trip_through_the_file_across_instances()
    {
        var token = Token("plain-token");
        await Create().SetAsync("pax8:client", token);
        await Create().SetAsync("smartpay:client", Token("other"));

        var reader = Create();
        (await reader.GetAsync("pax8:client")).ShouldBe(token);
        (await reader.GetAsync("smartpay:client"))!.Value.ShouldBe("other");
        (await reader.GetAsync("missing")).ShouldBeNull();
    }

    [Fact]
    public async Task The_file_is_keyed_by_hashed_cache_keys()
    {
        await Create().SetAsync("pax8:client-id-123", Token("plain-token"));

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(CachePath));
        var property = document.RootElement.EnumerateObject().Single();
        property.Name.ShouldBe(Sha256("pax8:client-id-123"));
        property.Value.GetProperty("token").GetString().ShouldBe("plain-token");
        property.Value.TryGetProperty("expiresAt", out _).ShouldBeTrue();
        (await File.ReadAllTextAsync(CachePath)).ShouldNotContain("client-id-123");
    }

    [Fact]
    public async Task Encrypted_tokens_round_trip_and_the_file_does_not_contain_them()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var token = Token("very-secret-token");

        await Create(key).SetAsync("k", token);

        (await Create(key).GetAsync("k")).ShouldBe(token);
        var bytes = await File.ReadAllBytesAsync(CachePath);
        Encoding.UTF8.GetString(bytes).ShouldNotContain("very-secret-token");
    }

    [Fact]
    public async Task A_file_encrypted_with_another_key_reads_as_empty_and_is_overwritten()
    {
        await Create(RandomNumberGenerator.GetBytes(32)).SetAsync("k", Token("old"));
        var newKey = RandomNumberGenerator.GetBytes(16);

        (await Create(newKey).GetAsync("k")).ShouldBeNull();
        (await Create().GetAsync("k")).ShouldBeNull();

        await Create(newKey).SetAsync("k", Token("new"));
        (await Create(newKey).GetAsync("k"))!.Value.ShouldBe("new");
    }

    [Fact]
    public async Task A_plain_file_is_not_trusted_when_a_key_is_configured()
    {
        await Create().SetAsync("k", Token("planted"));

        (await Create(RandomNumberGenerator.GetBytes(32)).GetAsync("k")).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("{\"abc\": {\"token\": \"x\", \"expiresAt\": ")]
    [InlineData("GRTC\u0001garbage")]
    public async Task A_corrupt_file_reads_as_empty_and_is_replaced_on_the_next_write(string content)
    {
        await WriteFixtureAsync(content);
        var cache = Create();

        (await cache.GetAsync("k")).ShouldBeNull();
        await cache.SetAsync("k", Token("fresh"));

        (await Create().GetAsync("k"))!.Value.ShouldBe("fresh");
        Should.NotThrow(() => JsonDocument.Parse(File.ReadAllText(CachePath)).Dispose());
    }

    [Fact]
    public async Task A_truncated_encrypted_file_reads_as_empty()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await Create(key).SetAsync("k", Token("t"));
        var bytes = await File.ReadAllBytesAsync(CachePath);
        await File.WriteAllBytesAsync(CachePath, bytes[..(bytes.Length / 2)]);

        (await Create(key).GetAsync("k")).ShouldBeNull();
    }

    [Fact]
    public async Task A_tampered_encrypted_file_is_logged_with_path_and_reason_then_the_token_is_fetched_again()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await Create(key).SetAsync("k", Token("stale-secret-token"));
        var bytes = await File.ReadAllBytesAsync(CachePath);
        bytes[^1] ^= 0x01;
        await File.WriteAllBytesAsync(CachePath, bytes);
        using var logs = new TestLogs();
        var cache = Create(key, logs.Factory.CreateLogger("cache"));
        var acquisitions = 0;
        var provider = new CachingTokenProvider(
            _ => Task.FromResult(new AccessToken($"fresh-{++acquisitions}", _time.GetUtcNow().AddHours(1))),
            cache,
            "k",
            new TokenProviderOptions { TimeProvider = _time });

        (await provider.GetTokenAsync()).Value.ShouldBe("fresh-1");

        acquisitions.ShouldBe(1);
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem("the lookup and the rewrite read the same damaged file: one warning"));
        warning.ShouldStartWith("Warning");
        warning.ShouldContain(CachePath);
        warning.ShouldContain("does not decrypt with the configured key");
        logs.AllText.ShouldNotContain("stale-secret-token");
        (await Create(key).GetAsync("k"))!.Value.ShouldBe("fresh-1", "the damaged file was replaced");
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_logged_without_its_content()
    {
        await WriteFixtureAsync("not json, token=leaked-value");
        using var logs = new TestLogs();

        (await Create(logger: logs.Factory.CreateLogger("cache")).GetAsync("k")).ShouldBeNull();

        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldContain(CachePath);
        warning.ShouldContain("not valid JSON");
        warning.ShouldNotContain("leaked-value");
    }

    [Fact]
    public async Task A_world_readable_cache_file_is_not_used_nor_overwritten_and_is_logged_once()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes only; Windows ACLs are not checked.
        }

        await Create().SetAsync("k", Token("readable-token"));
        File.SetUnixFileMode(CachePath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = await File.ReadAllBytesAsync(CachePath);
        using var logs = new TestLogs();
        var cache = Create(logger: logs.Factory.CreateLogger("cache"));

        (await cache.GetAsync("k")).ShouldBeNull("a file others can read may also have been planted");
        await cache.SetAsync("k", Token("new-token"));
        (await cache.GetAsync("k")).ShouldBeNull();

        cache.IsBypassed.ShouldBeTrue();
        (await File.ReadAllBytesAsync(CachePath)).ShouldBe(before, "the refused file is left as it was");
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldStartWith("Warning");
        warning.ShouldContain(CachePath);
        warning.ShouldContain($"chmod 600 '{CachePath}'");
        warning.ShouldContain("mode 0644");
        logs.AllText.ShouldNotContain("readable-token");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cache_directory_others_can_write_is_refused_sticky_or_not(bool sticky)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes only.
        }

        var directory = Path.GetDirectoryName(CachePath)!;
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111 | (sticky ? UnixFileMode.StickyBit : 0));
        using var logs = new TestLogs();
        var cache = Create(logger: logs.Factory.CreateLogger("cache"));

        await cache.SetAsync("k", Token("t"));
        (await cache.GetAsync("k")).ShouldBeNull();

        File.Exists(CachePath).ShouldBeFalse("nothing is created in a directory others can write");
        File.Exists(CachePath + ".lock").ShouldBeFalse();
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldContain(directory);
        warning.ShouldContain(sticky ? "mode 1777" : "mode 0777");
        warning.ShouldContain($"chmod go-w '{directory}'");
    }

    [Fact]
    public async Task A_symlink_at_the_cache_path_is_not_followed_and_its_target_is_not_modified()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating a link needs a privilege there; the check itself runs on every platform.
        }

        // The planted target is a perfectly valid, private cache file holding the attacker's token.
        var target = Path.Combine(_directory, "planted", "tokens.json");
        await Create(path: target).SetAsync("k", Token("attacker-token"));
        var before = await File.ReadAllBytesAsync(target);
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(CachePath, target);
        using var logs = new TestLogs();
        var cache = Create(logger: logs.Factory.CreateLogger("cache"));

        (await cache.GetAsync("k")).ShouldBeNull("the planted token is never used");
        await cache.SetAsync("k", Token("own-token"));

        (await File.ReadAllBytesAsync(target)).ShouldBe(before, "nothing is written through the link");
        new FileInfo(CachePath).LinkTarget.ShouldBe(target, "the link is left for its owner to look at");
        var warning = TestLogs.Format(logs.Records.ShouldHaveSingleItem());
        warning.ShouldContain(CachePath);
        warning.ShouldContain("symbolic link");
        warning.ShouldContain("Remove the link");
        logs.AllText.ShouldNotContain("attacker-token");
    }

    [Fact]
    public async Task A_symlink_at_the_lock_path_is_refused_before_it_is_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating a link needs a privilege there.
        }

        var elsewhere = Path.Combine(_directory, "elsewhere");
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(CachePath + ".lock", elsewhere);
        using var logs = new TestLogs();

        await Create(logger: logs.Factory.CreateLogger("cache")).SetAsync("k", Token("t"));

        File.Exists(elsewhere).ShouldBeFalse("opening the lock through the link would have created its target");
        File.Exists(CachePath).ShouldBeFalse();
        logs.AllText.ShouldContain("lock file");
    }

    [Fact]
    public async Task A_damaged_entry_does_not_cost_its_valid_neighbours()
    {
        var expiresAt = _time.GetUtcNow().AddHours(1).ToString("O");
        await WriteFixtureAsync(
            $$$"""{"{{{Sha256("good")}}}": {"token": "kept", "expiresAt": "{{{expiresAt}}}"}, "{{{Sha256("bad")}}}": {"token": 42}}""");

        (await Create().GetAsync("good"))!.Value.ShouldBe("kept");
        (await Create().GetAsync("bad")).ShouldBeNull();
    }

    [Fact]
    public async Task Expired_entries_are_not_returned_and_are_dropped_on_write()
    {
        var cache = Create();
        await cache.SetAsync("short", Token("short-lived", minutes: 1));
        await cache.SetAsync("long", Token("long-lived"));

        _time.Advance(TimeSpan.FromMinutes(2));
        (await cache.GetAsync("short")).ShouldBeNull();
        await cache.SetAsync("other", Token("other"));

        var text = await File.ReadAllTextAsync(CachePath);
        text.ShouldNotContain("short-lived");
        text.ShouldContain("long-lived");
    }

    [Fact]
    public async Task Remove_deletes_only_the_given_entry()
    {
        var cache = Create();
        await cache.SetAsync("a", Token("a"));
        await cache.SetAsync("b", Token("b"));

        await cache.RemoveAsync("a");

        (await cache.GetAsync("a")).ShouldBeNull();
        (await cache.GetAsync("b"))!.Value.ShouldBe("b");
    }

    [Fact]
    public async Task The_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await Create().SetAsync("k", Token("t"));
        await Create().SetAsync("k", Token("t2"));

        File.GetUnixFileMode(CachePath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Concurrent_writers_through_separate_instances_lose_no_entries()
    {
        var caches = Enumerable.Range(0, 4).Select(_ => Create()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
            await caches[i % caches.Length].SetAsync($"key-{i}", Token($"token-{i}")))));

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(CachePath));
        document.RootElement.EnumerateObject().Count().ShouldBe(60);
        for (var i = 0; i < 60; i++)
        {
            (await Create().GetAsync($"key-{i}"))!.Value.ShouldBe($"token-{i}");
        }

        Directory.GetFiles(Path.GetDirectoryName(CachePath)!, "*.tmp").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(20)]
    [InlineData(64)]
    public void A_key_of_the_wrong_length_is_rejected(int length)
    {
        var ex = Should.Throw<ArgumentException>(() => Create(new byte[length]));

        ex.Message.ShouldContain("16, 24 or 32 bytes");
    }

    [Fact]
    public void A_missing_path_is_rejected() =>
        Should.Throw<ArgumentException>(() => new FileTokenCache(new FileTokenCacheOptions()));

    [Fact]
    public void A_leading_tilde_is_expanded_to_the_home_directory()
    {
        var cache = new FileTokenCache(new FileTokenCacheOptions { Path = "~/.generated/tokens.json" });

        cache.FilePath.ShouldBe(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".generated", "tokens.json"));
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
