using Tessera.Core.Clients;
using Tessera.Core.Files;
using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Identity;

/// <summary>
/// A key file someone else could have read or planted is a configuration error, with the path and the fix in the
/// message; mode checks are Unix-only, so these tests return early on Windows.
/// </summary>
public sealed class KeyFileSecurityTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _directory = TestClients.TempDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_key_directory_that_cannot_be_created_names_the_setting()
    {
        // A regular file where the key's directory should be: no process can create that directory.
        var blocker = Path.Combine(_directory, "not-a-directory");
        TestClients.WritePrivateFile(blocker, "x");
        var keyFile = Path.Combine(blocker, "keys", "api.key");

        var exception = Should.Throw<ClientConfigurationException>(() => Create(keyFile, createIfMissing: true));

        exception.ApiName.ShouldBe("Smartex");
        exception.Message.ShouldContain($"'{keyFile}' (Smartex:KeyFile) cannot be read or created");
        exception.Message.ShouldContain("Set Smartex:KeyFile");
    }

    [Fact]
    public void A_group_readable_key_is_refused_with_the_chmod_fix_in_the_message()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes only.
        }

        var keyFile = Path.Combine(_directory, "api.key");
        TestClients.WritePrivateFile(keyFile, TestVectors.A.Pem);
        File.SetUnixFileMode(keyFile, OwnerOnly | UnixFileMode.GroupRead);

        var exception = Should.Throw<ClientConfigurationException>(() => Create(keyFile));

        exception.ApiName.ShouldBe("Smartex");
        exception.InnerException.ShouldBeOfType<InsecureFileException>().Path.ShouldBe(keyFile);
        exception.Message.ShouldContain($"chmod 600 '{keyFile}'");
        exception.Message.ShouldContain("mode 0640");
        exception.Message.ShouldNotContain(TestVectors.A.PemBody[..20]);
        File.ReadAllText(keyFile).ShouldBe(TestVectors.A.Pem, "a refused key is never replaced");
    }

    [Fact]
    public void A_symlink_at_the_key_path_is_refused_even_when_its_target_is_a_private_key()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating a link needs a privilege there; the check itself runs on every platform.
        }

        var target = Path.Combine(_directory, "real.key");
        TestClients.WritePrivateFile(target, TestVectors.A.Pem);
        var keyFile = Path.Combine(_directory, "api.key");
        File.CreateSymbolicLink(keyFile, target);

        var exception = Should.Throw<ClientConfigurationException>(() => Create(keyFile));

        exception.Message.ShouldContain(keyFile);
        exception.Message.ShouldContain("symbolic link");
        exception.Message.ShouldContain("Remove the link");
    }

    [Fact]
    public void A_dangling_symlink_at_the_key_path_is_refused_and_nothing_is_created_through_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Creating a link needs a privilege there.
        }

        var target = Path.Combine(_directory, "elsewhere.key");
        var keyFile = Path.Combine(_directory, "api.key");
        File.CreateSymbolicLink(keyFile, target);

        Should.Throw<ClientConfigurationException>(() => Create(keyFile, createIfMissing: true)).Message.ShouldContain("symbolic link");

        File.Exists(target).ShouldBeFalse();
        new FileInfo(keyFile).LinkTarget.ShouldBe(target);
    }

    [Fact]
    public void A_key_directory_others_can_write_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes only.
        }

        var directory = Path.Combine(_directory, "shared");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
        var keyFile = Path.Combine(directory, "api.key");
        TestClients.WritePrivateFile(keyFile, TestVectors.A.Pem);

        var exception = Should.Throw<ClientConfigurationException>(() => Create(keyFile));

        exception.Message.ShouldContain($"chmod go-w '{directory}'");
        exception.Message.ShouldContain("sticky bit");
        Should.Throw<ClientConfigurationException>(() => Create(Path.Combine(directory, "new.key"), createIfMissing: true));
        File.Exists(Path.Combine(directory, "new.key")).ShouldBeFalse("no key is created in a directory others can write");
    }

    private static SmartexClient Create(string keyFile, bool createIfMissing = false) =>
        SmartexClient.Create(
            new SmartexClientOptions { KeyFile = keyFile, CreateKeyIfMissing = createIfMissing, RequestsPerMinute = 0 },
            primaryHandler: new RecordingHandler(_ => TestClients.NoContent()));
}
