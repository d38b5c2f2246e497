using System.Security.Cryptography;

namespace Tessera.Smartex.Identity;

/// <summary>
/// Verification side of Smartex request signing, and SIN helpers: what a server (or the sandbox) does with the
/// <c>X-Identity</c> and <c>X-Signature</c> headers.
/// </summary>
public static class SmartexSignature
{
    /// <summary>
    /// Verifies a DER-encoded ECDSA secp256k1 signature over SHA-256(<paramref name="message"/>). Low-S and high-S
    /// signatures are both accepted (the Smartex clients sign with random k and no normalisation).
    /// </summary>
    /// <param name="publicKeyHex">The signer's SEC1 public key as hex, compressed (66) or uncompressed (130), either case.</param>
    /// <param name="message">The signed bytes (full URL followed by the body).</param>
    /// <param name="derSignatureHex">The <c>X-Signature</c> value: DER <c>SEQUENCE{r, s}</c> as hex, either case.</param>
    /// <returns>
    /// <see langword="true"/> when the signature is valid; <see langword="false"/> when it is not, or when the key or
    /// the signature is malformed (both come from untrusted headers).
    /// </returns>
    public static bool Verify(string publicKeyHex, byte[] message, string derSignatureHex)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Verify(publicKeyHex, message.AsSpan(), derSignatureHex);
    }

    /// <inheritdoc cref="Verify(string, byte[], string)"/>
    public static bool Verify(string publicKeyHex, ReadOnlySpan<byte> message, string derSignatureHex)
    {
        ArgumentNullException.ThrowIfNull(publicKeyHex);
        ArgumentNullException.ThrowIfNull(derSignatureHex);
        var keyBytes = Secp256k1.TryFromHex(publicKeyHex.Trim());
        var point = keyBytes is null ? null : Secp256k1.TryDecodePoint(keyBytes);
        var der = Secp256k1.TryFromHex(derSignatureHex.Trim());
        if (point is null || der is null || !Secp256k1.TryDecodeDer(der, out var r, out var s))
        {
            return false;
        }

        return Secp256k1.VerifyDigest(point, SHA256.HashData(message), r, s);
    }

    /// <summary>
    /// Derives the SIN of a public key: Base58(0x0F ‖ 0x02 ‖ RIPEMD-160(SHA-256(compressed key)) ‖ first 4 bytes of
    /// SHA-256(SHA-256(those 22 bytes))).
    /// </summary>
    /// <param name="publicKeyHex">The SEC1 public key as hex, compressed or uncompressed (it is compressed first).</param>
    /// <returns>The 35-character SIN, starting with <c>T</c>.</returns>
    /// <exception cref="ArgumentException">The value is not a secp256k1 public key.</exception>
    public static string DeriveSin(string publicKeyHex)
    {
        ArgumentNullException.ThrowIfNull(publicKeyHex);
        var keyBytes = Secp256k1.TryFromHex(publicKeyHex.Trim());
        var point = (keyBytes is null ? null : Secp256k1.TryDecodePoint(keyBytes))
            ?? throw new ArgumentException("The value is not a hex-encoded secp256k1 public key.", nameof(publicKeyHex));
        return Secp256k1.DeriveSin(point.GetEncoded(true));
    }

    /// <summary>Whether a SIN is well formed: Base58, 26 bytes, prefix 0x0F 0x02 and a valid checksum.</summary>
    /// <param name="sin">The SIN to check.</param>
    /// <returns><see langword="true"/> for a well-formed SIN.</returns>
    public static bool IsValidSin(string? sin) => sin is not null && Secp256k1.IsValidSin(sin);
}
