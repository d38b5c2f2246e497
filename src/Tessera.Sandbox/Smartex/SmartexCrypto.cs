using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Tessera.Sandbox.Smartex;

/// <summary>
/// The server side of Smartex request signing (reference §2), written from the algorithm, not from any client:
/// <list type="bullet">
/// <item><c>X-Identity</c> is a compressed secp256k1 point (<c>02|03</c> + X, 66 hex characters, either case);</item>
/// <item><c>X-Signature</c> is a hex DER <c>SEQUENCE{INTEGER r, INTEGER s}</c> ECDSA signature over
/// <c>SHA-256(UTF-8(full URL) || exact body bytes)</c>; high-S and low-S are both accepted;</item>
/// <item>the SIN is <c>Base58(0x0F 0x02 RIPEMD160(SHA256(pub)) || checksum)</c> (§2.4).</item>
/// </list>
/// </summary>
internal static class SmartexCrypto
{
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // 30 46 02 21 (33 bytes) 02 21 (33 bytes): both integers 256 bits with a sign pad.
    private const int MaxSignatureBytes = 72;

    private static readonly X9ECParameters Curve = SecNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    /// <summary>Parses <c>X-Identity</c>: 33 bytes, prefix 02/03, a point on secp256k1. Null when it is anything else.</summary>
    public static ECPoint? ParseIdentity(string? hex)
    {
        var bytes = FromHex(hex?.Trim());
        if (bytes is not { Length: 33 } || (bytes[0] != 0x02 && bytes[0] != 0x03))
        {
            return null;
        }

        try
        {
            var point = Curve.Curve.DecodePoint(bytes);
            return point.IsValid() ? point : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses a DER signature from hex into (r, s); null when it is not a strict-DER sequence of two positive integers.
    /// The header is untrusted, so its length is checked first (a secp256k1 signature is at most 72 bytes) and it is
    /// read with the BCL's <see cref="AsnReader"/>, which does not recurse.
    /// </summary>
    public static (BigInteger R, BigInteger S)? ParseDerSignature(string? hex)
    {
        var trimmed = hex?.Trim();
        if (trimmed is null || trimmed.Length > 2 * MaxSignatureBytes)
        {
            return null;
        }

        var bytes = FromHex(trimmed);
        if (bytes is null || bytes.Length < 8 || bytes.Length > MaxSignatureBytes || bytes[0] != 0x30)
        {
            return null;
        }

        try
        {
            var reader = new AsnReader(bytes, AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var r = new BigInteger(sequence.ReadIntegerBytes().ToArray());
            var s = new BigInteger(sequence.ReadIntegerBytes().ToArray());
            sequence.ThrowIfNotEmpty();
            return r.SignValue > 0 && s.SignValue > 0 ? (r, s) : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>The message digest a Smartex client signs: SHA-256 of the UTF-8 URL immediately followed by the body bytes.</summary>
    public static byte[] MessageDigest(string url, ReadOnlySpan<byte> body)
    {
        var urlBytes = Encoding.UTF8.GetBytes(url);
        var message = new byte[urlBytes.Length + body.Length];
        urlBytes.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(urlBytes.Length));
        return SHA256.HashData(message);
    }

    /// <summary>Verifies an ECDSA (secp256k1) signature over a 32-byte digest (no further hashing).</summary>
    public static bool Verify(ECPoint publicKey, byte[] digest, (BigInteger R, BigInteger S) signature)
    {
        if (signature.R.CompareTo(Domain.N) >= 0 || signature.S.CompareTo(Domain.N) >= 0)
        {
            return false;
        }

        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(publicKey, Domain));
        return verifier.VerifySignature(digest, signature.R, signature.S);
    }

    /// <summary>Derives the SIN (§2.4) of a compressed public key.</summary>
    public static string Sin(ECPoint publicKey)
    {
        var compressed = publicKey.GetEncoded(true);
        var sha = SHA256.HashData(compressed);
        var ripemd = new RipeMD160Digest();
        ripemd.BlockUpdate(sha, 0, sha.Length);
        var hash160 = new byte[20];
        ripemd.DoFinal(hash160, 0);
        var prefixed = new byte[26];
        prefixed[0] = 0x0F;
        prefixed[1] = 0x02;
        hash160.CopyTo(prefixed, 2);
        var checksum = SHA256.HashData(SHA256.HashData(prefixed.AsSpan(0, 22)));
        checksum.AsSpan(0, 4).CopyTo(prefixed.AsSpan(22));
        return Base58Encode(prefixed);
    }

    /// <summary>Whether <paramref name="sin"/> is a well-formed SIN: Base58 of 26 bytes, <c>0x0F 0x02</c>, valid checksum.</summary>
    public static bool IsValidSin(string? sin)
    {
        if (sin is not { Length: 35 } || sin[0] != 'T')
        {
            return false;
        }

        var bytes = Base58Decode(sin);
        if (bytes is not { Length: 26 } || bytes[0] != 0x0F || bytes[1] != 0x02)
        {
            return false;
        }

        var checksum = SHA256.HashData(SHA256.HashData(bytes.AsSpan(0, 22)));
        return checksum.AsSpan(0, 4).SequenceEqual(bytes.AsSpan(22, 4));
    }

    public static string Base58Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        // Base-256 to base-58 by repeated division, digits little-endian.
        var digits = new List<int>();
        for (var index = zeros; index < data.Length; index++)
        {
            var carry = (int)data[index];
            for (var digit = 0; digit < digits.Count; digit++)
            {
                carry += digits[digit] << 8;
                digits[digit] = carry % 58;
                carry /= 58;
            }

            while (carry > 0)
            {
                digits.Add(carry % 58);
                carry /= 58;
            }
        }

        var builder = new StringBuilder(zeros + digits.Count);
        builder.Append('1', zeros);
        for (var digit = digits.Count - 1; digit >= 0; digit--)
        {
            builder.Append(Base58Alphabet[digits[digit]]);
        }

        return builder.ToString();
    }

    public static byte[]? Base58Decode(string text)
    {
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        var bytes = new List<int>();
        for (var index = zeros; index < text.Length; index++)
        {
            var value = Base58Alphabet.IndexOf(text[index], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            var carry = value;
            for (var position = 0; position < bytes.Count; position++)
            {
                carry += bytes[position] * 58;
                bytes[position] = carry & 0xFF;
                carry >>= 8;
            }

            while (carry > 0)
            {
                bytes.Add(carry & 0xFF);
                carry >>= 8;
            }
        }

        var result = new byte[zeros + bytes.Count];
        for (var index = 0; index < bytes.Count; index++)
        {
            result[result.Length - 1 - index] = (byte)bytes[index];
        }

        return result;
    }

    /// <summary>Decodes hex (either case); null when the text is empty, odd-length or not hex.</summary>
    public static byte[]? FromHex(string? hex)
    {
        if (string.IsNullOrEmpty(hex) || hex.Length % 2 != 0)
        {
            return null;
        }

        var bytes = new byte[hex.Length / 2];
        for (var index = 0; index < bytes.Length; index++)
        {
            if (!byte.TryParse(hex.AsSpan(index * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[index]))
            {
                return null;
            }
        }

        return bytes;
    }
}
