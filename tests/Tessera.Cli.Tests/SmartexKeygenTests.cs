namespace Tessera.Cli.Tests;

/// <summary><c>smartex keygen</c> writes a private key: the same file rules as the client's own key loading.</summary>
public sealed class SmartexKeygenTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tessera-keygen-" + Guid.NewGuid().ToString("N"));

    public SmartexKeygenTests()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_directory);
        }
        else
        {
            Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task Keygen_writes_an_owner_only_key_and_prints_its_sin()
    {
        var path = Path.Combine(_directory, "api.key");

        var (exitCode, output, error) = await CliRun.RunAsync(new Dictionary<string, string?>(), "smartex", "keygen", "--key-file", path, "--json");

        exitCode.ShouldBe(0, error);
        output.ShouldContain("\"sin\"");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Keygen_does_not_write_through_a_link_planted_at_the_key_path()
    {
        var target = Path.Combine(_directory, "elsewhere.txt");
        var path = Path.Combine(_directory, "api.key");
        File.CreateSymbolicLink(path, target); // dangling: File.Exists says it is not there

        var (exitCode, _, error) = await CliRun.RunAsync(new Dictionary<string, string?>(), "smartex", "keygen", "--key-file", path, "--force");

        exitCode.ShouldNotBe(0);
        error.ShouldContain("is a symbolic link");
        File.Exists(target).ShouldBeFalse("nothing was written through the link");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
