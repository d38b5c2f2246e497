using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tessera.Benchmarks.Infrastructure;
using Tessera.Smartex.Identity;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Tessera.Benchmarks.Benchmarks;

/// <summary>
/// One Smartex request signature (SHA-256 over URL + body, secp256k1 ECDSA, low-S, DER as hex): the shipped
/// BouncyCastle RFC 6979 signer (specialised secp256k1 curve), the same on BouncyCastle's generic curve (what shipped
/// before), the shipped signer with its BouncyCastle objects cached (issue 19, option 1), NBitcoin.Secp256k1 4.0.4
/// (a C# port of libsecp256k1 with precomputed generator tables; issue 19, option 2; not in the product), native
/// libsecp256k1 through Secp256k1.Net 2.0.0 (bundled binaries; RFC 6979 and low-S are libsecp256k1's defaults; not in
/// the product), and .NET's
/// <see cref="ECDsa"/> on OpenSSL (random k, so not deterministic).
/// Signatures per second = 1 s / Mean.
/// </summary>
public class SigningBenchmarks
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private SmartexIdentity _identity = null!;
    private ECDsa _ecdsa = null!;
    private byte[] _message = null!;
    private ECPrivateKeyParameters _genericCurveKey = null!;
    private ECDsaSigner _cachedSigner = null!;
    private NBitcoin.Secp256k1.ECPrivKey _nbitcoinKey = null!;
    private Secp256k1Net.Secp256k1 _native = null!;
    private byte[] _privateKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _identity = Clients.SmartexIdentity();
        _message = SmartexRequestSigner.BuildMessage(new Uri("https://smartex.io/invoices"), Encoding.UTF8.GetBytes(
            """{"price":20,"currency":"USD","posData":"{\"orderId\":\"1001\"}","orderID":"1001","itemDesc":"Blue mug","buyerEmail":"ada@example.org","token":"9mKx2vR4tLq8WnZp5sHc7YdFj3GbXe6AuNo1iTrQwEy"}"""));
        _ecdsa = CreateDotNetKey(_identity);
        var curve = Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetByName("secp256k1");
        _genericCurveKey = new ECPrivateKeyParameters(
            new BcBigInteger(_identity.ExportPrivateKeyHex(), 16),
            new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H, curve.GetSeed()));

        var specialised = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("secp256k1");
        _cachedSigner = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        _cachedSigner.Init(true, new ECPrivateKeyParameters(
            new BcBigInteger(_identity.ExportPrivateKeyHex(), 16),
            new ECDomainParameters(specialised.Curve, specialised.G, specialised.N, specialised.H, specialised.GetSeed())));
        _nbitcoinKey = NBitcoin.Secp256k1.ECPrivKey.Create(Convert.FromHexString(_identity.ExportPrivateKeyHex()));
        _native = new Secp256k1Net.Secp256k1();
        _privateKey = Convert.FromHexString(_identity.ExportPrivateKeyHex());

        // Both signers must produce signatures the Smartex verifier accepts.
        Check.Equal(_identity.Verify(_message, BouncyCastle()), true);
        Check.Equal(SmartexSignature.Verify(_identity.PublicKeyHex, _message, DotNetOpenSsl()), true);

        // RFC 6979 on the generic curve (what shipped before) gives the very same deterministic signature.
        Check.Equal(BouncyCastleGenericCurve(), BouncyCastle());
        Check.Equal(BouncyCastleCached(), BouncyCastle());
        Check.Equal(NBitcoinSecp256k1(), BouncyCastle());
        Check.Equal(NativeLibsecp256k1(), BouncyCastle());
    }

    /// <summary>Imports the identity's SEC1 key into .NET's ECDsa (OpenSSL on Linux).</summary>
    public static ECDsa CreateDotNetKey(SmartexIdentity identity)
    {
        var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1"));
        ecdsa.ImportFromPem(identity.ExportPem());
        return ecdsa;
    }

    [Benchmark(Baseline = true, Description = "BouncyCastle, RFC 6979, CustomNamedCurves (shipped)")]
    public string BouncyCastle() => _identity.Sign(_message);

    [Benchmark(Description = "BouncyCastle, RFC 6979, generic SecNamedCurves curve (before)")]
    public string BouncyCastleGenericCurve()
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, _genericCurveKey);
        var rs = signer.GenerateSignature(SHA256.HashData(_message));
        var r = new BigInteger(rs[0].ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(rs[1].ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        return Convert.ToHexStringLower(Der(r, s > N >> 1 ? N - s : s));
    }

    [Benchmark(Description = "BouncyCastle, RFC 6979, CustomNamedCurves, signer + key objects cached (option 1)")]
    public string BouncyCastleCached()
    {
        // One thread: the benchmark may reuse the signer; the product could only do so per thread.
        var rs = _cachedSigner.GenerateSignature(SHA256.HashData(_message));
        var r = new BigInteger(rs[0].ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(rs[1].ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
        return Convert.ToHexStringLower(Der(r, s > N >> 1 ? N - s : s));
    }

    [Benchmark(Description = "NBitcoin.Secp256k1 4.0.4, SignECDSARFC6979 (option 2)")]
    public string NBitcoinSecp256k1()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_message, digest);
        Span<byte> der = stackalloc byte[72];
        _nbitcoinKey.SignECDSARFC6979(digest).WriteDerToSpan(der, out var length);
        return Convert.ToHexStringLower(der[..length]);
    }

    [Benchmark(Description = "libsecp256k1 (native) via Secp256k1.Net 2.0.0, RFC 6979")]
    public string NativeLibsecp256k1()
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_message, digest);
        Span<byte> signature = stackalloc byte[64];
        _native.EcdsaSign(signature, digest, _privateKey);
        Span<byte> der = stackalloc byte[72];
        nuint length = 72;
        _native.EcdsaSignatureSerializeDer(der, ref length, signature);
        return Convert.ToHexStringLower(der[..(int)length]);
    }

    [Benchmark(Description = ".NET ECDsa (OpenSSL), random k")]
    public string DotNetOpenSsl()
    {
        Span<byte> rs = stackalloc byte[64];
        _ecdsa.SignData(_message, rs, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var r = new BigInteger(rs[..32], isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(rs[32..], isUnsigned: true, isBigEndian: true);
        if (s > N >> 1)
        {
            s = N - s;
        }

        return Convert.ToHexStringLower(Der(r, s));
    }

    private static byte[] Der(BigInteger r, BigInteger s)
    {
        var rb = r.ToByteArray(isUnsigned: false, isBigEndian: true);
        var sb = s.ToByteArray(isUnsigned: false, isBigEndian: true);
        var der = new byte[6 + rb.Length + sb.Length];
        der[0] = 0x30;
        der[1] = (byte)(4 + rb.Length + sb.Length);
        der[2] = 0x02;
        der[3] = (byte)rb.Length;
        rb.CopyTo(der, 4);
        der[4 + rb.Length] = 0x02;
        der[5 + rb.Length] = (byte)sb.Length;
        sb.CopyTo(der, 6 + rb.Length);
        return der;
    }
}
