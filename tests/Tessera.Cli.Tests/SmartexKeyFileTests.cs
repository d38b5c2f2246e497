namespace Tessera.Cli.Tests;

/// <summary>
/// A bad <c>--key-file</c> is an input error: one line on stderr naming the file and the problem, exit code 2, no
/// request made and never an unhandled exception (an empty SEQUENCE used to escape as IndexOutOfRangeException).
/// </summary>
public sealed class SmartexKeyFileTests : IDisposable
{
    // Nothing listens on the discard port: a request would fail as a connection error (exit code 1), not 2.
    private const string NoServer = "http://127.0.0.1:9/";

    private readonly string _directory = Directory.CreateTempSubdirectory("cli-smartex-key-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> BadKeys => new()
    {
        { "empty-sequence", "not a valid EC private key" },
        { "nested-180k", "too large" },
        { "sparse-1g", "too large" },
        { "not-pem", "not a PEM file" },
        { "wrong-curve", "unsupported curve" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Bad_key_file_is_one_line_on_stderr_and_exit_code_2(string kind, string expected)
    {
        var path = Path.Combine(_directory, kind + ".key");
        Write(kind, path);

        var (exitCode, output, error) = await CliRun.RunAsync(new Dictionary<string, string?>(), ["smartex", "rates", "--key-file", path, "--base-url", NoServer]);

        exitCode.ShouldBe(2, error);
        output.ShouldBeEmpty();
        error.Trim().Split('\n').Length.ShouldBe(1);
        error.ShouldStartWith("error: ");
        error.ShouldContain(path);
        error.ShouldContain(expected);
        error.ShouldNotContain("Unhandled exception");
        error.ShouldNotContain(" at Tessera.");
        new FileInfo(path).Length.ShouldBeGreaterThan(0);
    }

    private static void Write(string kind, string path)
    {
        switch (kind)
        {
            case "empty-sequence":
                File.WriteAllText(path, "-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n");
                break;
            case "nested-180k":
                File.WriteAllText(path, "-----BEGIN EC PRIVATE KEY-----\n" + Convert.ToBase64String(Nested(135_000), Base64FormattingOptions.InsertLineBreaks) + "\n-----END EC PRIVATE KEY-----\n");
                break;
            case "sparse-1g":
                using (var stream = File.Create(path))
                {
                    stream.SetLength(1L << 30);
                }

                break;
            case "not-pem":
                File.WriteAllText(path, "hello");
                break;
            default:
                using (var p256 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
                {
                    File.WriteAllText(path, p256.ExportECPrivateKeyPem());
                }

                break;
        }

        // Owner-only, as a real key file is: the client refuses a key that group or others can read, before parsing.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    // SEQUENCEs with 3-byte lengths, nested from the inside out.
    private static byte[] Nested(int total)
    {
        var buffer = new byte[total];
        var start = total - 2;
        buffer[start] = 0x30;
        while (start >= 5)
        {
            var length = total - start;
            start -= 5;
            buffer[start] = 0x30;
            buffer[start + 1] = 0x83;
            buffer[start + 2] = (byte)(length >> 16);
            buffer[start + 3] = (byte)(length >> 8);
            buffer[start + 4] = (byte)length;
        }

        return buffer[start..];
    }
}
