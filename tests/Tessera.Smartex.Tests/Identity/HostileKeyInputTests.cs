using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using Tessera.Smartex.Identity;

namespace Tessera.Smartex.Tests.Identity;

/// <summary>
/// Key input treated as hostile: every malformed PEM or DER, however large, deep or damaged, ends quickly in a
/// <see cref="SmartexKeyFormatException"/> whose messages hold no key material. The comments name what Portable
/// BouncyCastle 1.8.10 (the parser before System.Formats.Asn1) did with the same input.
/// </summary>
public sealed class HostileKeyInputTests : IDisposable
{
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    private readonly string _directory = Directory.CreateTempSubdirectory("smartex-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static byte[] VectorA => Convert.FromBase64String(TestVectors.A.PemBody);

    private static string VectorAHex => Convert.ToHexStringLower(VectorA);

    [Fact]
    public void Deeply_nested_pem_of_180_KB_is_refused_before_it_is_parsed()
    {
        // Before: over 50 s in the recursive ASN.1 parser, then an IndexOutOfRangeException (or a stack overflow,
        // depending on the nesting), which escaped the key-format exception.
        var pem = TestVectors.WrapPem(Convert.ToBase64String(NestedDefiniteSequences(135_000)));
        pem.Length.ShouldBeInRange(175_000, 185_000);
        var path = Write("nested.key", pem);

        var text = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(pem));
        var file = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.LoadPem(path));

        text.Message.ShouldContain("too large");
        text.Message.ShouldContain($"{SmartexKeyReader.MaxPemChars} characters");
        file.Message.ShouldContain(path);
        file.Message.ShouldContain($"({new FileInfo(path).Length} bytes)");
    }

    [Fact]
    public void Deep_ber_indefinite_nesting_is_refused_whatever_its_size()
    {
        // Before: 50,000 levels burnt over a minute of CPU; 100 levels threw IndexOutOfRangeException.
        var huge = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(IndefiniteSequences(50_000))));
        var small = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(IndefiniteSequences(100))));
        var unterminated = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem([.. Enumerable.Repeat<byte[]>([0x30, 0x80], 200).SelectMany(b => b)])));

        huge.Message.ShouldContain("too large");
        small.Message.ShouldContain("cannot be read");
        unterminated.Message.ShouldContain("cannot be read");
    }

    [Fact]
    public void Deep_definite_nesting_within_the_der_bound_is_a_format_error()
    {
        var der = NestedDefiniteSequences(SmartexKeyReader.MaxDerBytes);
        der.Length.ShouldBeLessThanOrEqualTo(SmartexKeyReader.MaxDerBytes);

        Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(der))).Message.ShouldContain("cannot be read");
    }

    [Theory]
    [InlineData("3000")] // an empty SEQUENCE ("MAA=")
    [InlineData("30020500")] // a SEQUENCE holding NULL
    [InlineData("3003030100")] // an empty BIT STRING
    [InlineData("30800000")] // an empty indefinite-length SEQUENCE
    [InlineData("307402010104")] // vector A cut after its version
    [InlineData("30740201010420bad57a")] // vector A cut inside its private key
    public void Input_that_threw_index_out_of_range_is_a_format_error(string hex)
    {
        // Before: the first four threw IndexOutOfRangeException from inside BouncyCastle, uncaught by the CLI.
        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Convert.FromHexString(hex))));

        ex.Message.ShouldContain("not a valid EC private key");
    }

    [Fact]
    public void Oversize_file_is_refused_from_its_length_without_being_read()
    {
        // A 1 GiB sparse file: reading it would take seconds and a gigabyte; its length alone refuses it.
        var path = Path.Combine(_directory, "huge.key");
        using (var stream = File.Create(path))
        {
            stream.SetLength(1L << 30);
        }

        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.LoadPem(path));

        ex.Message.ShouldContain("(1073741824 bytes)");
        ex.Message.ShouldContain($"{SmartexKeyReader.MaxFileBytes} bytes for a file");
        ex.Message.ShouldContain(path);
    }

    [Fact]
    public void Key_file_at_the_bound_loads_and_one_byte_more_is_refused()
    {
        var padding = new string('#', SmartexKeyReader.MaxFileBytes - TestVectors.A.Pem.Length - 1) + "\n";
        var atBound = Write("at-bound.key", padding + TestVectors.A.Pem);
        var overBound = Write("over-bound.key", "#" + padding + TestVectors.A.Pem);
        new FileInfo(atBound).Length.ShouldBe(SmartexKeyReader.MaxFileBytes);

        SmartexIdentity.LoadPem(atBound).Sin.ShouldBe(TestVectors.A.Sin);
        Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.LoadPem(overBound)).Message.ShouldContain("too large");
    }

    [Fact]
    public void Key_file_with_a_byte_order_mark_still_loads()
    {
        var path = Path.Combine(_directory, "bom.key");
        File.WriteAllText(path, TestVectors.A.Pem, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        SmartexIdentity.LoadPem(path).Sin.ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void Oversize_text_and_oversize_der_are_refused()
    {
        var longText = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(TestVectors.A.Pem + new string(' ', SmartexKeyReader.MaxPemChars)));
        var longDer = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem([.. VectorA, .. new byte[SmartexKeyReader.MaxDerBytes]])));

        longText.Message.ShouldContain("too large");
        longDer.Message.ShouldContain("too large");
        longDer.Message.ShouldContain($"{SmartexKeyReader.MaxDerBytes} bytes");
        AssertNoSecret(longDer);
    }

    [Theory]
    [InlineData("30847fffffff020101", "cannot be read")] // a 2 GiB length
    [InlineData("3088ffffffffffffffff020101", "cannot be read")] // an 8-byte length
    [InlineData("0201013074", "cannot be read")] // an INTEGER where the SEQUENCE belongs
    public void Damaged_lengths_and_tags_are_format_errors(string hex, string expected)
    {
        Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Convert.FromHexString(hex)))).Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("3074", "308174", "cannot be read")] // a non-minimal (BER) length
    [InlineData("307402010104", "307404010104", "cannot be read")] // version as an OCTET STRING
    [InlineData("307402010104", "307402010204", "version is not 1")]
    [InlineData("0420bad5", "0220bad5", "cannot be read")] // private key as an INTEGER
    [InlineData("3074", "3174", "cannot be read")] // a SET instead of a SEQUENCE
    [InlineData("a00706052b8104000a", "a00706052b8104000b", "unsupported curve (1.3.132.0.11)")]
    [InlineData("a00706052b8104000a", "a0070605808080800a", "cannot be read")] // a non-minimal OID arc
    [InlineData("a00706052b8104000a", "a0070605ffffffffff", "cannot be read")] // an OID cut in its last arc
    [InlineData("a14403420004", "a14403420104", "cannot be read")] // an unused bit that is set (not DER)
    [InlineData("a14403420004", "a24403420004", "cannot be read")] // public key under [2]
    public void Wrong_tags_and_fields_in_sec1_are_format_errors(string find, string replace, string expected)
    {
        var at = VectorAHex.IndexOf(find, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0);
        var hex = string.Concat(VectorAHex.AsSpan(0, at), replace, VectorAHex.AsSpan(at + find.Length));

        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Convert.FromHexString(hex))));

        ex.Message.ShouldContain(expected);
        AssertNoSecret(ex);
    }

    [Fact]
    public void Trailing_bytes_and_extra_elements_are_format_errors()
    {
        var trailing = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem([.. VectorA, 0x00])));
        var extra = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(PrivateKeyA, extra: true))));

        trailing.Message.ShouldContain("cannot be read");
        extra.Message.ShouldContain("cannot be read");
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(N)]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Private_key_of_zero_or_at_least_n_is_refused(string key)
    {
        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(Convert.FromHexString(key)))));

        ex.Message.ShouldContain("outside the secp256k1 range");
        ex.Message.ShouldNotContain(key, Case.Insensitive);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(64)]
    public void Private_key_of_the_wrong_length_is_refused(int length)
    {
        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(new byte[length]))));

        ex.Message.ShouldContain($"{length}-byte private key");
    }

    [Fact]
    public void Short_private_key_from_older_openssl_releases_is_read_as_its_value()
    {
        // Older OpenSSL releases wrote the scalar without its leading zero bytes.
        var key = Convert.FromHexString("00" + TestVectors.A.PrivateKey[2..]);
        var expected = SmartexIdentity.FromPrivateKeyHex(Convert.ToHexStringLower(key));

        SmartexIdentity.FromPem(Pem(Sec1(key[1..]))).Sin.ShouldBe(expected.Sin);
    }

    [Fact]
    public void Keys_on_other_curves_or_with_explicit_parameters_are_refused()
    {
        var p256 = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(PrivateKeyA, curve: "1.2.840.10045.3.1.7"))));
        var explicitCurve = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(PrivateKeyA, explicitParameters: true))));
        var pkcs8Rsa = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pkcs8Pem(Pkcs8(VectorA, algorithm: "1.2.840.113549.1.1.1"))));
        var pkcs8P256 = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pkcs8Pem(Pkcs8(VectorA, curve: "1.2.840.10045.3.1.7"))));
        var pkcs8NoCurve = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pkcs8Pem(Pkcs8(VectorA, curve: null))));
        var pkcs8InnerP256 = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pkcs8Pem(Pkcs8(Sec1(PrivateKeyA, curve: "1.2.840.10045.3.1.7")))));

        p256.Message.ShouldContain("unsupported curve (1.2.840.10045.3.1.7)");
        explicitCurve.Message.ShouldContain("explicit or missing curve parameters");
        pkcs8Rsa.Message.ShouldContain("holds a 1.2.840.113549.1.1.1 key");
        pkcs8P256.Message.ShouldContain("unsupported curve (1.2.840.10045.3.1.7)");
        pkcs8NoCurve.Message.ShouldContain("explicit or missing curve parameters");
        pkcs8InnerP256.Message.ShouldContain("unsupported curve");
    }

    [Fact]
    public void Pkcs8_with_attributes_and_a_public_key_is_accepted()
    {
        SmartexIdentity.FromPem(Pkcs8Pem(Pkcs8(VectorA, withAttributesAndPublicKey: true))).Sin.ShouldBe(TestVectors.A.Sin);
        SmartexIdentity.FromPem(Pkcs8Pem(Pkcs8(Sec1(PrivateKeyA)))).Sin.ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void Embedded_public_key_must_be_a_whole_sec1_point()
    {
        var own = VectorA[^65..];
        own[^1] &= 0xFE;

        var unusedBit = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(PrivateKeyA, publicKey: own, unusedBits: 1))));
        var shortKey = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(PrivateKeyA, publicKey: own[..64]))));

        unusedBit.Message.ShouldContain("not a SEC1 point");
        shortKey.Message.ShouldContain("not a SEC1 point");
    }

    [Fact]
    public void Embedded_public_key_must_be_the_private_keys_own()
    {
        var b = SmartexIdentity.FromPrivateKeyHex(TestVectors.B.PrivateKey);
        var ownCompressed = Convert.FromHexString(TestVectors.A.PublicKey);
        var otherCompressed = Convert.FromHexString(b.PublicKeyHex);
        var notOnCurve = new byte[65];
        notOnCurve[0] = 0x04;

        SmartexIdentity.FromPem(Pem(Sec1(PrivateKeyA, publicKey: ownCompressed))).Sin.ShouldBe(TestVectors.A.Sin);
        foreach (var publicKey in new[] { otherCompressed, notOnCurve })
        {
            var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(Pem(Sec1(PrivateKeyA, publicKey: publicKey))));
            ex.Message.ShouldContain("does not match");
            AssertNoSecret(ex);
        }
    }

    [Theory]
    [InlineData("MHQCAQEEILrVeiUtzVEodjMv\u00e9TsMwKYDMn+0UN5fzCRY3vozAsRZn")] // non-ASCII letter
    [InlineData("MHQCAQEE\u4e2d\u6587ILrVeiUtzVEodjMv")] // CJK
    [InlineData("MHQCAQEE\u0000ILrVeiUtzVEodjMv")] // NUL
    [InlineData("\ud83d\ude00\ud83d\udca5")] // emoji
    [InlineData("====")]
    [InlineData("AAA")]
    [InlineData("MHQ*CAQEE")]
    [InlineData("%%%%====abc")]
    public void Non_ascii_and_base64_garbage_are_format_errors(string body)
    {
        var ex = Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.FromPem(TestVectors.WrapPem(body)));

        ex.Message.ShouldContain("not valid Base64");
    }

    [Fact]
    public void Non_utf8_key_file_is_a_format_error()
    {
        var path = Path.Combine(_directory, "latin1.key");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("-----BEGIN EC PRIVATE KEY-----\nMHQC"), 0xff, 0xfe, 0xff, 0xc3, 0x28, .. Encoding.ASCII.GetBytes("\n-----END EC PRIVATE KEY-----\n")]);

        Should.Throw<SmartexKeyFormatException>(() => SmartexIdentity.LoadPem(path)).Message.ShouldContain(path);
    }

    internal static string Pem(byte[] der) => TestVectors.WrapPem(Convert.ToBase64String(der));

    private static string Pkcs8Pem(byte[] der) => "-----BEGIN PRIVATE KEY-----\n" + Convert.ToBase64String(der) + "\n-----END PRIVATE KEY-----\n";

    private static byte[] PrivateKeyA => Convert.FromHexString(TestVectors.A.PrivateKey);

    /// <summary>A SEC1 ECPrivateKey written with the BCL writer (independently of the code under test).</summary>
    private static byte[] Sec1(byte[] privateKey, string? curve = "1.3.132.0.10", byte[]? publicKey = null, bool explicitParameters = false, bool extra = false, int unusedBits = 0)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(privateKey);
            if (curve is not null || explicitParameters)
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                    if (explicitParameters)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteInteger(1);
                        }
                    }
                    else
                    {
                        writer.WriteObjectIdentifier(curve!);
                    }
                }
            }

            if (publicKey is not null)
            {
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true)))
                {
                    writer.WriteBitString(publicKey, unusedBits);
                }
            }

            if (extra)
            {
                writer.WriteNull();
            }
        }

        return writer.Encode();
    }

    private static byte[] Pkcs8(byte[] sec1, string algorithm = "1.2.840.10045.2.1", string? curve = "1.3.132.0.10", bool withAttributesAndPublicKey = false)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(withAttributesAndPublicKey ? 1 : 0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(algorithm);
                if (curve is not null)
                {
                    writer.WriteObjectIdentifier(curve);
                }
            }

            writer.WriteOctetString(sec1);
            if (withAttributesAndPublicKey)
            {
                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
                {
                }

                writer.WriteBitString(sec1[^65..], tag: new Asn1Tag(TagClass.ContextSpecific, 1));
            }
        }

        return writer.Encode();
    }

    /// <summary>SEQUENCEs nested as deep as <paramref name="total"/> bytes allow, each with a minimal definite length.</summary>
    internal static byte[] NestedDefiniteSequences(int total)
    {
        // Built from the inside out: the innermost SEQUENCE is empty, each wrapper adds a tag and its length.
        var buffer = new byte[total];
        var start = total - 2;
        buffer[start] = 0x30;
        while (true)
        {
            var length = total - start;
            var header = length < 0x80 ? 2 : length < 0x100 ? 3 : length < 0x10000 ? 4 : 5;
            if (start < header)
            {
                return buffer[start..];
            }

            start -= header;
            buffer[start] = 0x30;
            if (header == 2)
            {
                buffer[start + 1] = (byte)length;
            }
            else
            {
                buffer[start + 1] = (byte)(0x80 + header - 2);
                for (var i = 0; i < header - 2; i++)
                {
                    buffer[start + header - 1 - i] = (byte)(length >> (8 * i));
                }
            }
        }
    }

    /// <summary><paramref name="depth"/> indefinite-length SEQUENCEs (BER <c>30 80</c>), each closed by end-of-contents.</summary>
    internal static byte[] IndefiniteSequences(int depth) =>
        [.. Enumerable.Repeat<byte[]>([0x30, 0x80], depth).SelectMany(b => b), .. new byte[2 * depth]];

    private static void AssertNoSecret(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            e.Message.ShouldNotContain(TestVectors.A.PrivateKey, Case.Insensitive);
            e.Message.ShouldNotContain(TestVectors.A.PemBody[8..40]);
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
