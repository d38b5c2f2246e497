using System.Security.Cryptography;
using System.Text;
using Tessera.Smartex.Identity;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Tessera.Smartex.Tests.Identity;

/// <summary>Every vector of reference smartex.md §2.6.</summary>
public sealed class TestVectorTests
{
    // ---- Vector A (smartex-c-keyutils-library tests.c) ----

    [Fact]
    public void VectorA_pem_yields_private_key_public_key_and_sin()
    {
        var identity = SmartexIdentity.FromPem(TestVectors.A.Pem);

        identity.ExportPrivateKeyHex().ShouldBe(TestVectors.A.PrivateKey);
        identity.PublicKeyHex.ShouldBe(TestVectors.A.PublicKey);
        identity.Sin.ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void VectorA_private_key_hex_yields_public_key_and_sin()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.A.PrivateKey);

        identity.PublicKeyHex.ShouldBe(TestVectors.A.PublicKey);
        identity.Sin.ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void VectorA_public_key_matches_the_uppercase_form_the_c_test_expects()
    {
        SmartexIdentity.FromPrivateKeyHex(TestVectors.A.PrivateKey).PublicKeyHex.ToUpperInvariant()
            .ShouldBe(TestVectors.A.PublicKey.ToUpperInvariant());
        SmartexSignature.DeriveSin(TestVectors.A.PublicKey.ToUpperInvariant()).ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void VectorA_sin_intermediate_values()
    {
        var pub = Convert.FromHexString(TestVectors.A.PublicKey);
        var sha = SHA256.HashData(pub);
        Convert.ToHexStringLower(sha).ShouldBe(TestVectors.A.Sha256OfPublicKey);

        var ripemd = new RipeMD160Digest();
        ripemd.BlockUpdate(sha, 0, sha.Length);
        var h2 = new byte[20];
        ripemd.DoFinal(h2, 0);
        Convert.ToHexStringLower(h2).ShouldBe(TestVectors.A.Ripemd160);

        var prefixed = Convert.FromHexString(TestVectors.A.Prefixed);
        Convert.ToHexStringLower(SHA256.HashData(SHA256.HashData(prefixed)).AsSpan(0, 4)).ShouldBe(TestVectors.A.Checksum);

        // The SIN decodes to exactly prefix || checksum.
        var decoded = Secp256k1.Base58Decode(TestVectors.A.Sin).ShouldNotBeNull();
        Convert.ToHexStringLower(decoded).ShouldBe(TestVectors.A.Prefixed + TestVectors.A.Checksum);
        Secp256k1.DeriveSin(pub).ShouldBe(TestVectors.A.Sin);
    }

    [Fact]
    public void VectorA_message_digest()
    {
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TestVectors.A.Message))).ShouldBe(TestVectors.A.MessageSha256);
    }

    [Fact]
    public void VectorA_message_is_what_the_request_signer_builds()
    {
        var body = "{\"currency\":\"USD\",\"price\":10,\"token\":\"3yHuXP7GVbqEh1rsDaodCzbMR5TZsxbMHEPnigsKyY86\"}";
        var message = SmartexRequestSigner.BuildMessage(new Uri("https://smartex.io/invoices"), Encoding.UTF8.GetBytes(body));

        Encoding.UTF8.GetString(message).ShouldBe(TestVectors.A.Message);
    }

    [Fact]
    public void VectorA_rfc6979_signature()
    {
        var identity = SmartexIdentity.FromPem(TestVectors.A.Pem);

        identity.Sign(Encoding.UTF8.GetBytes(TestVectors.A.Message)).ShouldBe(TestVectors.A.Signature);
        SmartexSignature.Verify(TestVectors.A.PublicKey, Encoding.UTF8.GetBytes(TestVectors.A.Message), TestVectors.A.Signature).ShouldBeTrue();
    }

    [Fact]
    public void VectorA_signature_through_the_request_signer()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.A.PrivateKey);
        var body = "{\"currency\":\"USD\",\"price\":10,\"token\":\"3yHuXP7GVbqEh1rsDaodCzbMR5TZsxbMHEPnigsKyY86\"}";

        var headers = SmartexRequestSigner.Sign(identity, new Uri("https://smartex.io/invoices"), body);

        headers.Identity.ShouldBe(TestVectors.A.PublicKey);
        headers.Signature.ShouldBe(TestVectors.A.Signature);
    }

    [Fact]
    public void VectorA_der_prefix_is_one_the_c_test_accepts()
    {
        TestVectors.A.Signature[..4].ShouldBeOneOf("3043", "3044", "3045", "3046");
    }

    // ---- RFC 6979 sanity vectors (secp256k1, "Satoshi Nakamoto") ----

    [Fact]
    public void Rfc6979_private_key_one_k_r_s()
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(TestVectors.Rfc6979.Message));
        var n = SecNamedCurves.GetByName("secp256k1").N;
        var calculator = new HMacDsaKCalculator(new Sha256Digest());
        calculator.Init(n, BcBigInteger.One, digest);
        Secp256k1.ToHex(calculator.NextK()).ShouldBe(TestVectors.Rfc6979.KeyOneK);

        var identity = SmartexIdentity.FromPrivateKeyHex("01");
        var (r, s) = DecodeDer(identity.Sign(Encoding.UTF8.GetBytes(TestVectors.Rfc6979.Message)));
        r.ShouldBe(TestVectors.Rfc6979.KeyOneR);
        s.ShouldBe(TestVectors.Rfc6979.KeyOneS);
    }

    [Fact]
    public void Rfc6979_private_key_n_minus_one_low_s()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.Rfc6979.NMinusOne);

        var (r, s) = DecodeDer(identity.Sign(Encoding.UTF8.GetBytes(TestVectors.Rfc6979.Message)));

        r.ShouldBe(TestVectors.Rfc6979.NMinusOneR);
        s.ShouldBe(TestVectors.Rfc6979.NMinusOneS);
    }

    // ---- Vector B (bitpay-python key_utils_test.py) ----

    [Fact]
    public void VectorB_pem_yields_private_key_public_key_and_sin()
    {
        var identity = SmartexIdentity.FromPem(TestVectors.B.Pem);

        identity.ExportPrivateKeyHex().ShouldBe(TestVectors.B.PrivateKey);
        identity.PublicKeyHex.ShouldBe(TestVectors.B.PublicKey);
        identity.Sin.ShouldBe(TestVectors.B.Sin);
    }

    [Fact]
    public void VectorB_private_key_hex_yields_public_key_and_sin()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.B.PrivateKey);

        identity.PublicKeyHex.ShouldBe(TestVectors.B.PublicKey);
        identity.Sin.ShouldBe(TestVectors.B.Sin);
        SmartexSignature.DeriveSin(TestVectors.B.PublicKey).ShouldBe(TestVectors.B.Sin);
    }

    [Fact]
    public void VectorB_rfc6979_signature()
    {
        var identity = SmartexIdentity.FromPem(TestVectors.B.Pem);

        identity.Sign(TestVectors.B.Message).ShouldBe(TestVectors.B.Signature);
        SmartexSignature.Verify(TestVectors.B.PublicKey, Encoding.ASCII.GetBytes(TestVectors.B.Message), TestVectors.B.Signature).ShouldBeTrue();
    }

    // ---- Vector C (bitauth keysKnown; sma rest-client.unit.js) ----

    [Fact]
    public void VectorC_private_key_yields_public_key_and_sin()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.C.PrivateKey);

        identity.PublicKeyHex.ShouldBe(TestVectors.C.PublicKey);
        identity.Sin.ShouldBe(TestVectors.C.Sin);
    }

    [Theory]
    [MemberData(nameof(VectorCSignatures))]
    public void VectorC_rfc6979_signatures(string message, string expected)
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.C.PrivateKey);

        identity.Sign(Encoding.UTF8.GetBytes(message)).ShouldBe(expected);
        SmartexSignature.Verify(TestVectors.C.PublicKey, Encoding.UTF8.GetBytes(message), expected).ShouldBeTrue();
    }

    [Fact]
    public void VectorC_signed_urls_come_from_the_request_signer()
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(TestVectors.C.PrivateKey);

        SmartexRequestSigner.Sign(identity, new Uri("https://smartex.io/tokens"), string.Empty).Signature
            .ShouldBe("3045022100adb612470a36a81ff83f03171da84db4e0cea7dc8d3851536320d1ce2d47deb70220610b66d26af8dc967fca2f96d5581e4785d4d1fa15360f08d08a2ab14592629a");
        SmartexRequestSigner.Sign(identity, new Uri("https://smartex.io/invoices/AbCdEfGhIjKlMnOpQrStUv?token=5dF8eJxq9mQ1vRb2sTn4kLw7yZc3uHp6aGd0iEo"), (string?)null).Signature
            .ShouldBe("3045022100918524711870e0ca1095ab1940297ea2fabba2eedea264c1c2283f0a2d394e7502204fbbf5295fea7e820a60941fcf14cfd1e3abbd1860c2dab96a492449f9ff9271");
    }

    [Fact]
    public void VectorC_sin_validation()
    {
        SmartexSignature.IsValidSin(TestVectors.C.ValidSin).ShouldBeTrue();
        SmartexSignature.IsValidSin(TestVectors.C.Sin).ShouldBeTrue();
        SmartexSignature.IsValidSin(TestVectors.C.BadChecksumSin).ShouldBeFalse();
    }

    // ---- Vector D (php-bitpay-client PublicKeyTest.php) ----

    [Theory]
    [MemberData(nameof(VectorDPublicKeys))]
    public void VectorD_private_to_public_key(string privateKey, string publicKey, string x, string y)
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(privateKey);
        identity.PublicKeyHex.ShouldBe(publicKey);

        var point = SecNamedCurves.GetByName("secp256k1").Curve.DecodePoint(Convert.FromHexString(identity.PublicKeyHex)).Normalize();
        Secp256k1.ToHex(point.AffineXCoord.ToBigInteger()).ShouldBe(x);
        Secp256k1.ToHex(point.AffineYCoord.ToBigInteger()).ShouldBe(y);
    }

    [Theory]
    [MemberData(nameof(VectorDSins))]
    public void VectorD_sins(string privateKey, string publicKey, string sin)
    {
        var identity = SmartexIdentity.FromPrivateKeyHex(privateKey);

        identity.PublicKeyHex.ShouldBe(publicKey);
        identity.Sin.ShouldBe(sin);
        SmartexSignature.DeriveSin(publicKey).ShouldBe(sin);
        SmartexSignature.IsValidSin(sin).ShouldBeTrue();
    }

    public static TheoryData<string, string> VectorCSignatures => TestVectors.C.Signatures;

    public static TheoryData<string, string, string, string> VectorDPublicKeys => TestVectors.D.PublicKeys;

    public static TheoryData<string, string, string> VectorDSins => TestVectors.D.Sins;

    private static (string R, string S) DecodeDer(string hex)
    {
        var sequence = (Asn1Sequence)Asn1Object.FromByteArray(Convert.FromHexString(hex));
        return (Secp256k1.ToHex(((DerInteger)sequence[0]).Value), Secp256k1.ToHex(((DerInteger)sequence[1]).Value));
    }
}
