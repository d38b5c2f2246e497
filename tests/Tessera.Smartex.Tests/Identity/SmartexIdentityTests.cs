using System.Security.Cryptography;
using System.Text;
using Tessera.Smartex.Identity;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;

namespace Tessera.Smartex.Tests.Identity;

public sealed class SmartexIdentityTests : IDisposable
{
    private static readonly Org.BouncyCastle.Math.BigInteger N = SecNamedCurves.GetByName("secp256k1").N;
    private readonly string _directory = Directory.CreateTempSubdirectory("smartex-identity-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Generate_creates_distinct_valid_identities()
    {
        var a = SmartexIdentity.Generate();
        var b = SmartexIdentity.Generate();

        a.PublicKeyHex.ShouldNotBe(b.PublicKeyHex);
        a.PublicKeyHex.Length.ShouldBe(66);
        a.PublicKeyHex.ShouldMatch("^0[23][0-9a-f]{64}$");
        a.Sin.Length.ShouldBe(35);
        a.Sin.ShouldStartWith("T");
        SmartexSignature.IsValidSin(a.Sin).ShouldBeTrue();
        SmartexIdentity.FromPrivateKeyHex(a.ExportPrivateKeyHex()).PublicKeyHex.ShouldBe(a.PublicKeyHex);
    }

    [Fact]
    public void Export_pem_reproduces_the_python_and_c_files_byte_for_byte()
    {
        SmartexIdentity.FromPrivateKeyHex(TestVectors.A.PrivateKey).ExportPem().ShouldBe(TestVectors.A.Pem);
        SmartexIdentity.FromPrivateKeyHex(TestVectors.B.PrivateKey).ExportPem().ShouldBe(TestVectors.B.Pem);
    }

    [Fact]
    public void Pem_roundtrip_through_a_file()
    {
        var identity = SmartexIdentity.Generate();
        var path = Path.Combine(_directory, "api.key");

        identity.SavePem(path);
        var loaded = SmartexIdentity.LoadPem(path);

        loaded.PublicKeyHex.ShouldBe(identity.PublicKeyHex);
        loaded.Sin.ShouldBe(identity.Sin);
        loaded.ExportPrivateKeyHex().ShouldBe(identity.ExportPrivateKeyHex());
        File.ReadAllText(path).ShouldStartWith("-----BEGIN EC PRIVATE KEY-----\n");
    }

    [Fact]
    public void Save_pem_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_directory, "api.key");
        File.WriteAllText(path, "old content");

        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.C.PrivateKey);
        identity.SavePem(path);

        SmartexIdentity.LoadPem(path).Sin.ShouldBe(TestVectors.C.Sin);
        Directory.GetFiles(_directory).ShouldBe([path]);
    }

    [Fact]
    public void Save_pem_creates_the_file_with_mode_0600_on_unix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_directory, "api.key");
        File.WriteAllText(path, "world readable");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100); // 0644

        SmartexIdentity.Generate().SavePem(path);

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Load_pem_accepts_windows_line_endings_and_surrounding_text()
    {
        var pem = "comment line\r\n" + TestVectors.A.Pem.Replace("\n", "\r\n", StringComparison.Ordinal) + "trailer";

        SmartexIdentity.FromPem(pem).Sin.ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void Load_pem_accepts_pkcs8()
    {
        var sec1 = Asn1Object.FromByteArray(Convert.FromBase64String(TestVectors.B.PemBody));
        var info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.IdECPublicKey, SecObjectIdentifiers.SecP256k1), sec1);
        var pem = "-----BEGIN PRIVATE KEY-----\n" + Convert.ToBase64String(info.GetDerEncoded()) + "\n-----END PRIVATE KEY-----\n";

        SmartexIdentity.FromPem(pem).Sin.ShouldBe(TestVectors.B.Sin);
    }

    [Theory]
    [InlineData("", "not a PEM file")]
    [InlineData("hello world", "not a PEM file")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", "unsupported PEM block")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\nMHQCAQEEILrVeiUtzVEodjMv\n", "truncated")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\n!!!not base64!!!\n-----END EC PRIVATE KEY-----\n", "not valid Base64")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n", "cannot be read")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END EC PRIVATE KEY-----\n", "encrypted")]
    public void Corrupt_pem_fails_with_a_clear_exception(string content, string expected)
    {
        var path = Path.Combine(_directory, "bad.key");
        File.WriteAllText(path, content);

        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.LoadPem(path));

        ex.Message.ShouldContain(expected);
        ex.Message.ShouldContain(path);
    }

    [Fact]
    public void Truncated_der_fails_with_a_clear_exception_without_key_material()
    {
        var der = Convert.FromBase64String(TestVectors.A.PemBody);
        var pem = TestVectors.WrapPem(Convert.ToBase64String(der.AsSpan(0, 40)));

        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(pem));

        ex.Message.ShouldContain("not a valid EC private key");
        AssertNoSecret(ex, TestVectors.A.PrivateKey);
    }

    [Fact]
    public void Mismatched_public_key_is_reported_as_corrupt()
    {
        // Vector A's private key with vector B's public key.
        var a = Convert.FromBase64String(TestVectors.A.PemBody);
        var b = Convert.FromBase64String(TestVectors.B.PemBody);
        var mixed = a[..^65].Concat(b[^65..]).ToArray();

        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(TestVectors.WrapPem(Convert.ToBase64String(mixed))));

        ex.Message.ShouldContain("does not match");
        AssertNoSecret(ex, TestVectors.A.PrivateKey);
    }

    [Fact]
    public void Key_on_another_curve_is_rejected()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = p256.ExportECPrivateKeyPem();

        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(pem));

        ex.Message.ShouldContain("unsupported curve");
        ex.Message.ShouldContain("1.2.840.10045.3.1.7");
    }

    [Fact]
    public void Missing_file_is_an_io_error()
    {
        Should.Throw<FileNotFoundException>(() => SmartexIdentity.LoadPem(Path.Combine(_directory, "missing.key")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("0")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("00bad57a252dcd512876332f4ec3302980cc9fed143797f3091637be8cc0b11667")]
    public void Invalid_private_key_hex_is_rejected_without_echoing_it(string hex)
    {
        var ex = Should.Throw<ArgumentException>(() => SmartexIdentity.FromPrivateKeyHex(hex));

        if (hex.Length > 0)
        {
            ex.Message.ShouldNotContain(hex);
        }
    }

    [Fact]
    public void To_string_never_shows_the_private_key()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.A.PrivateKey);

        var text = identity.ToString();

        text.ShouldContain(TestVectors.A.Sin);
        text.ShouldContain(TestVectors.A.PublicKey);
        text.ShouldNotContain(TestVectors.A.PrivateKey, Case.Insensitive);
        text.ShouldNotContain(TestVectors.A.PemBody[..20]);
        $"{identity}".ShouldBe(text);
    }

    [Fact]
    public void Signature_verifies_with_the_public_key_and_fails_for_a_tampered_message()
    {
        var identity = SmartexIdentity.Generate();
        var message = Encoding.UTF8.GetBytes("https://smartex.io/invoices{\"price\":20,\"currency\":\"USD\"}");

        var signature = identity.Sign(message);

        SmartexSignature.Verify(identity.PublicKeyHex, message, signature).ShouldBeTrue();
        identity.Verify(message, signature).ShouldBeTrue();
        SmartexSignature.Verify(identity.PublicKeyHex.ToUpperInvariant(), message, signature.ToUpperInvariant()).ShouldBeTrue();

        var tampered = Encoding.UTF8.GetBytes("https://smartex.io/invoices{\"price\":21,\"currency\":\"USD\"}");
        SmartexSignature.Verify(identity.PublicKeyHex, tampered, signature).ShouldBeFalse();
        var flipped = (byte[])message.Clone();
        flipped[0] ^= 0x01;
        SmartexSignature.Verify(identity.PublicKeyHex, flipped, signature).ShouldBeFalse();
        SmartexSignature.Verify(SmartexIdentity.Generate().PublicKeyHex, message, signature).ShouldBeFalse();
    }

    [Fact]
    public void Signing_is_deterministic()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.C.PrivateKey);

        identity.Sign("abc").ShouldBe(identity.Sign(Encoding.UTF8.GetBytes("abc")));
    }

    [Fact]
    public void Signatures_are_low_s_and_high_s_twins_still_verify()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.C.PrivateKey);
        var halfN = N.ShiftRight(1);

        for (var i = 0; i < 64; i++)
        {
            var message = Encoding.UTF8.GetBytes($"https://smartex.io/invoices/{i}");
            var der = Convert.FromHexString(identity.Sign(message));
            var sequence = (Asn1Sequence)Asn1Object.FromByteArray(der);
            var r = ((DerInteger)sequence[0]).Value;
            var s = ((DerInteger)sequence[1]).Value;

            s.CompareTo(halfN).ShouldBeLessThanOrEqualTo(0);
            der.Length.ShouldBeInRange(8, 72);

            // The server must accept the high-S twin too (Smartex's own clients never normalise).
            var highS = new DerSequence(new DerInteger(r), new DerInteger(N.Subtract(s))).GetDerEncoded();
            SmartexSignature.Verify(identity.PublicKeyHex, message, Convert.ToHexStringLower(highS)).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("3006020101020101")]
    [InlineData("30440220")]
    public void Malformed_signatures_do_not_verify(string signature)
    {
        SmartexSignature.Verify(TestVectors.A.PublicKey, Encoding.UTF8.GetBytes(TestVectors.A.Message), signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("03")]
    [InlineData("04f036f72b70e12ee9b2b7785a4ae025bbbe295dfee77769e154a7656eba7f7307")]
    [InlineData("not hex")]
    public void Malformed_public_keys_do_not_verify(string publicKey)
    {
        SmartexSignature.Verify(publicKey, Encoding.UTF8.GetBytes(TestVectors.A.Message), TestVectors.A.Signature).ShouldBeFalse();
    }

    [Fact]
    public void Signature_trailing_garbage_does_not_verify()
    {
        SmartexSignature.Verify(TestVectors.A.PublicKey, Encoding.UTF8.GetBytes(TestVectors.A.Message), TestVectors.A.Signature + "00").ShouldBeFalse();
    }

    [Fact]
    public void Uncompressed_public_key_verifies_and_derives_the_same_sin()
    {
        var der = Convert.FromBase64String(TestVectors.A.PemBody);
        var uncompressed = Convert.ToHexStringLower(der[^65..]);

        uncompressed.ShouldStartWith("04");
        SmartexSignature.Verify(uncompressed, Encoding.UTF8.GetBytes(TestVectors.A.Message), TestVectors.A.Signature).ShouldBeTrue();
        SmartexSignature.DeriveSin(uncompressed).ShouldBe(TestVectors.A.Sin);
    }

    private static void AssertNoSecret(Exception ex, string privateKeyHex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            e.Message.ShouldNotContain(privateKeyHex, Case.Insensitive);
        }
    }
}
