using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC.Multiplier;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Tessera.Smartex.Identity;

/// <summary>The secp256k1 primitives shared by <see cref="SmartexIdentity"/> and <see cref="SmartexSignature"/>.</summary>
internal static class Secp256k1
{
    /// <summary>The curve OID 1.3.132.0.10, written into SEC1 PEM files and required in every key read.</summary>
    internal const string Oid = "1.3.132.0.10";

    /// <summary>
    /// The longest DER signature: <c>30 46 02 21 (33 bytes) 02 21 (33 bytes)</c>. Longer input is refused before it
    /// is parsed (it arrives in an untrusted header).
    /// </summary>
    internal const int MaxDerSignatureLength = 72;

    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>
    /// The SEC 2 curve parameters of secp256k1, on BouncyCastle's specialised implementation (fixed-size field
    /// arithmetic, GLV endomorphism): the same curve and the same RFC 6979 signatures as the generic
    /// <c>SecNamedCurves</c> one, about 5× faster with 8× less garbage per signature (docs/performance.md).
    /// </summary>
    internal static readonly X9ECParameters Parameters = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("secp256k1");

    /// <summary>The domain parameters used for signing and verification.</summary>
    internal static readonly ECDomainParameters Domain =
        new(Parameters.Curve, Parameters.G, Parameters.N, Parameters.H, Parameters.GetSeed());

    /// <summary>Half the group order: signatures with a larger S are normalised to N - S (low-S).</summary>
    internal static readonly BcBigInteger HalfN = Parameters.N.ShiftRight(1);

    /// <summary>Whether <paramref name="d"/> is a valid private scalar (1 ≤ d &lt; N).</summary>
    internal static bool IsValidPrivateScalar(BcBigInteger d) => d.SignValue > 0 && d.CompareTo(Parameters.N) < 0;

    /// <summary>The public point d·G.</summary>
    internal static ECPoint PublicPoint(BcBigInteger d) => new FixedPointCombMultiplier().Multiply(Parameters.G, d).Normalize();

    /// <summary>
    /// Signs a 32-byte digest with RFC 6979 deterministic k (HMAC-SHA256) and normalises the result to low-S.
    /// </summary>
    internal static (BcBigInteger R, BcBigInteger S) SignDigest(BcBigInteger d, byte[] digest)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var rs = signer.GenerateSignature(digest);
        var r = rs[0];
        var s = rs[1];
        if (s.CompareTo(HalfN) > 0)
        {
            s = Parameters.N.Subtract(s);
        }

        return (r, s);
    }

    /// <summary>Verifies (r, s) over a digest; both low-S and high-S signatures are accepted.</summary>
    internal static bool VerifyDigest(ECPoint publicPoint, byte[] digest, BcBigInteger r, BcBigInteger s)
    {
        var signer = new ECDsaSigner();
        signer.Init(false, new ECPublicKeyParameters(publicPoint, Domain));
        return signer.VerifySignature(digest, r, s);
    }

    /// <summary>DER <c>SEQUENCE { INTEGER r, INTEGER s }</c>.</summary>
    internal static byte[] EncodeDer(BcBigInteger r, BcBigInteger s)
    {
        // DER is canonical: the BCL writer gives the same bytes as any other correct encoder (minimal two's-complement
        // integers, a 0x00 pad only when the top bit is set), so signatures stay byte-identical.
        var writer = new AsnWriter(AsnEncodingRules.DER, MaxDerSignatureLength + 2);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r.ToByteArray());
            writer.WriteInteger(s.ToByteArray());
        }

        return writer.Encode();
    }

    /// <summary>
    /// Parses a strict-DER signature (definite minimal lengths, minimal integers, nothing after the sequence);
    /// <see langword="false"/> for anything but two integers in [1, N-1], and for more than
    /// <see cref="MaxDerSignatureLength"/> bytes.
    /// </summary>
    internal static bool TryDecodeDer(byte[] der, out BcBigInteger r, out BcBigInteger s)
    {
        r = BcBigInteger.Zero;
        s = BcBigInteger.Zero;
        if (der.Length is < 8 or > MaxDerSignatureLength)
        {
            return false;
        }

        try
        {
            // AsnReader is iterative and the input is at most 72 bytes: no recursion, no large allocation.
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var rBytes = sequence.ReadIntegerBytes();
            var sBytes = sequence.ReadIntegerBytes();
            sequence.ThrowIfNotEmpty();
            r = new BcBigInteger(rBytes.ToArray());
            s = new BcBigInteger(sBytes.ToArray());
        }
        catch (AsnContentException)
        {
            return false;
        }

        return IsValidPrivateScalar(r) && IsValidPrivateScalar(s);
    }

    /// <summary>Decodes a compressed or uncompressed SEC1 point; <see langword="null"/> when it is not on the curve.</summary>
    internal static ECPoint? TryDecodePoint(byte[] encoded)
    {
        if (encoded.Length is not (33 or 65))
        {
            return null;
        }

        try
        {
            var point = Parameters.Curve.DecodePoint(encoded).Normalize();
            return point.IsInfinity || !point.IsValid() ? null : point;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The SIN of a compressed public key: Base58(0x0F ‖ 0x02 ‖ RIPEMD-160(SHA-256(pub)) ‖ checksum), where the
    /// checksum is the first four bytes of SHA-256(SHA-256(prefix)).
    /// </summary>
    internal static string DeriveSin(ReadOnlySpan<byte> compressedPublicKey)
    {
        var sha = SHA256.HashData(compressedPublicKey);
        var ripemd = new RipeMD160Digest();
        ripemd.BlockUpdate(sha, 0, sha.Length);
        var payload = new byte[26];
        payload[0] = 0x0F;
        payload[1] = 0x02;
        ripemd.DoFinal(payload, 2);
        var checksum = SHA256.HashData(SHA256.HashData(payload.AsSpan(0, 22)));
        checksum.AsSpan(0, 4).CopyTo(payload.AsSpan(22));
        return Base58Encode(payload);
    }

    /// <summary>Whether a SIN is well formed: Base58, 26 bytes, prefix 0x0F 0x02 and a matching checksum.</summary>
    internal static bool IsValidSin(string sin)
    {
        var bytes = Base58Decode(sin);
        if (bytes is null || bytes.Length != 26 || bytes[0] != 0x0F || bytes[1] != 0x02)
        {
            return false;
        }

        var checksum = SHA256.HashData(SHA256.HashData(bytes.AsSpan(0, 22)));
        return checksum.AsSpan(0, 4).SequenceEqual(bytes.AsSpan(22));
    }

    /// <summary>Bitcoin-alphabet Base58 (leading zero bytes become '1').</summary>
    internal static string Base58Encode(ReadOnlySpan<byte> data)
    {
        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var chars = new List<char>();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            chars.Add(Base58Alphabet[(int)remainder]);
        }

        for (var i = 0; i < data.Length && data[i] == 0; i++)
        {
            chars.Add('1');
        }

        chars.Reverse();
        return new string(chars.ToArray());
    }

    /// <summary>Decodes Bitcoin-alphabet Base58; <see langword="null"/> for any other character.</summary>
    internal static byte[]? Base58Decode(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = Base58Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            value = (value * 58) + digit;
        }

        var leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = new byte[leadingZeros + body.Length];
        body.CopyTo(result, leadingZeros);
        return result;
    }

    /// <summary>Lowercase hex of a byte span.</summary>
    internal static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex of either case; <see langword="null"/> for odd length or a non-hex character.</summary>
    internal static byte[]? TryFromHex(string? hex)
    {
        if (hex is null || hex.Length % 2 != 0)
        {
            return null;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return Convert.FromHexString(hex);
    }

    /// <summary>A non-negative big integer as exactly 32 big-endian bytes.</summary>
    internal static byte[] To32Bytes(BcBigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        if (bytes.Length == 32)
        {
            return bytes;
        }

        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }

    /// <summary>A scalar in [0, 2^256) as 64 lowercase hex characters.</summary>
    internal static string ToHex(BcBigInteger value) => Convert.ToHexStringLower(To32Bytes(value));
}
