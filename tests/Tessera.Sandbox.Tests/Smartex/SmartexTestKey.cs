using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>
/// A client identity for the tests, written here with BouncyCastle independently of the sandbox's verifier: the
/// compressed public key (X-Identity) and RFC 6979 (HMAC-SHA256) low-S DER signatures over SHA-256 of the message.
/// </summary>
internal sealed class SmartexTestKey
{
    /// <summary>Reference §2.6 vector A (the C key-utils test key).</summary>
    public const string VectorAPrivateKey = "bad57a252dcd512876332f4ec3302980cc9fed143797f3091637be8cc0b11667";
    public const string VectorAPublicKey = "03f036f72b70e12ee9b2b7785a4ae025bbbe295dfee77769e154a7656eba7f7307";
    public const string VectorASin = "Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ";

    /// <summary>Reference §2.6 vector C (bitauth's known key).</summary>
    public const string VectorCPrivateKey = "97811b691dd7ebaeb67977d158e1da2c4d3eaa4ee4e2555150628acade6b344c";
    public const string VectorCSin = "Tf3yr5tYvccKNVrE26BrPs6LWZRh8woHwjR";

    /// <summary>Reference §2.6 vector D, first pair (php-bitpay-client PublicKeyTest).</summary>
    public const string VectorDPrivateKey = "10a2036fd1c8f7aeae1e21cd2a11bb9654f76844d1636809618b5e2cbb00c35d";
    public const string VectorDSin = "TfFRze6u6V9qHbYYvHt4qjjwCntEgM1tEm4";

    private static readonly ECDomainParameters Domain = CreateDomain();

    private readonly ECPrivateKeyParameters privateKey;

    public SmartexTestKey(string privateKeyHex, string? sin = null)
    {
        Sin = sin;
        privateKey = new ECPrivateKeyParameters(new BigInteger(privateKeyHex, 16), Domain);
        PublicKeyHex = Convert.ToHexStringLower(Domain.G.Multiply(privateKey.D).Normalize().GetEncoded(true));
    }

    public static SmartexTestKey VectorA { get; } = new(VectorAPrivateKey, VectorASin);

    public static SmartexTestKey VectorC { get; } = new(VectorCPrivateKey, VectorCSin);

    public static SmartexTestKey VectorD { get; } = new(VectorDPrivateKey, VectorDSin);

    /// <summary>The key's SIN as the reference vectors give it.</summary>
    public string? Sin { get; }

    /// <summary>X-Identity: the compressed public key, lowercase hex.</summary>
    public string PublicKeyHex { get; }

    /// <summary>X-Signature over <paramref name="message"/> (UTF-8).</summary>
    public string Sign(string message) => Sign(Encoding.UTF8.GetBytes(message));

    public string Sign(byte[] message)
    {
        var digest = SHA256.HashData(message);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, privateKey);
        var signature = signer.GenerateSignature(digest);
        var r = signature[0];
        var s = signature[1];
        if (s.CompareTo(Domain.N.ShiftRight(1)) > 0)
        {
            s = Domain.N.Subtract(s);
        }

        return Der(r, s);
    }

    /// <summary>The same signature with S replaced by n − S (what random-k clients that never normalise send half the time).</summary>
    public static string HighS(string derHex)
    {
        var sequence = (Asn1Sequence)Asn1Object.FromByteArray(Convert.FromHexString(derHex));
        var r = ((DerInteger)sequence[0]).Value;
        var s = ((DerInteger)sequence[1]).Value;
        return Der(r, Domain.N.Subtract(s));
    }

    private static string Der(BigInteger r, BigInteger s) =>
        Convert.ToHexStringLower(new DerSequence(new DerInteger(r), new DerInteger(s)).GetDerEncoded());

    private static ECDomainParameters CreateDomain()
    {
        var curve = SecNamedCurves.GetByName("secp256k1");
        return new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H);
    }
}
