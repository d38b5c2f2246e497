using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.Caching;

public sealed class FileTokenCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grt-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(TestClock.Start);

    private string CachePath => Path.Combine(_directory, "nested", "tokens.json");

    private AccessToken Token(string value, int minutes = 60) => new(value, _time.GetUtcNow().AddMinutes(minutes));

    private FileTokenCache Create(byte[]? key = null) =>
        new(new FileTokenCacheOptions { Path = CachePath, EncryptionKey = key, TimeProvider = _time });

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
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        await File.WriteAllTextAsync(CachePath, content);
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
    public async Task A_damaged_entry_does_not_cost_its_valid_neighbours()
    {
        var expiresAt = _time.GetUtcNow().AddHours(1).ToString("O");
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        await File.WriteAllTextAsync(
            CachePath,
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
