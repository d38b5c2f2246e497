using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Tessera.Smartex.Identity;

/// <summary>
/// A Smartex client identity: a secp256k1 key pair, its compressed public key (the <c>X-Identity</c> header) and its
/// SIN (the <c>id</c> sent when pairing). Signs request messages with ECDSA over SHA-256, RFC 6979 deterministic k
/// (HMAC-SHA256) and low-S, DER-encoded as lowercase hex (the <c>X-Signature</c> header).
/// </summary>
/// <remarks>
/// The key is stored as a SEC1 <c>EC PRIVATE KEY</c> PEM, byte-compatible with the Smartex/BitPay Python and C
/// clients. <see cref="ToString"/> and every exception message leave the private key out.
/// </remarks>
public sealed class SmartexIdentity
{
    private readonly BcBigInteger _privateKey;
    private readonly byte[] _uncompressedPublicKey;

    private SmartexIdentity(BcBigInteger privateKey)
    {
        _privateKey = privateKey;
        var point = Secp256k1.PublicPoint(privateKey);
        var compressed = point.GetEncoded(true);
        _uncompressedPublicKey = point.GetEncoded(false);
        PublicKeyHex = Secp256k1.ToHex(compressed);
        Sin = Secp256k1.DeriveSin(compressed);
    }

    /// <summary>
    /// The compressed secp256k1 public key as 66 lowercase hex characters (<c>02</c>/<c>03</c> + X): the value of
    /// the <c>X-Identity</c> header.
    /// </summary>
    public string PublicKeyHex { get; }

    /// <summary>
    /// The Secure Identification Number (35 Base58 characters starting with <c>T</c>): the client <c>id</c> sent to
    /// <c>POST /tokens</c> when pairing.
    /// </summary>
    public string Sin { get; }

    /// <summary>Generates a new random identity.</summary>
    /// <returns>The new identity.</returns>
    public static SmartexIdentity Generate()
    {
        var buffer = new byte[32];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(buffer);
                var d = new BcBigInteger(1, buffer);
                if (Secp256k1.IsValidPrivateScalar(d))
                {
                    return new SmartexIdentity(d);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Creates the identity of a private key given as hex (the PHP and Node clients' storage format).</summary>
    /// <param name="privateKeyHex">1 to 64 hexadecimal characters (either case), a scalar in [1, N-1].</param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentException">The value is not hex or not a valid secp256k1 private key.</exception>
    public static SmartexIdentity FromPrivateKeyHex(string privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        var hex = privateKeyHex.Trim();
        if (hex.Length is 0 or > 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("The private key must be 1 to 64 hexadecimal characters.", nameof(privateKeyHex));
        }

        var d = new BcBigInteger(hex, 16);
        if (!Secp256k1.IsValidPrivateScalar(d))
        {
            throw new ArgumentException("The private key is outside the secp256k1 range [1, N-1].", nameof(privateKeyHex));
        }

        return new SmartexIdentity(d);
    }

    /// <summary>Reads an identity from a PEM file written by <see cref="SavePem"/> or by the Python/C clients.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="SmartexKeyFormatException">
    /// The file is not a secp256k1 <c>EC PRIVATE KEY</c> (or PKCS#8) PEM, or is larger than 4096 bytes (checked before
    /// it is read).
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SmartexIdentity LoadPem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var what = $"The key file '{path}'";
        return ParsePem(SmartexKeyReader.ReadFile(path, what), what);
    }

    /// <summary>Reads an identity from PEM text (SEC1 <c>EC PRIVATE KEY</c>, or PKCS#8 <c>PRIVATE KEY</c>).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="SmartexKeyFormatException">
    /// The text is not a secp256k1 private key PEM, or is longer than 4096 characters (checked before it is parsed).
    /// </exception>
    public static SmartexIdentity FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return ParsePem(pem, "The PEM text");
    }

    /// <summary>
    /// The key as a SEC1 <c>EC PRIVATE KEY</c> PEM (version 1, 32-byte key, curve OID 1.3.132.0.10, uncompressed
    /// public key; 64-character lines), exactly as python-ecdsa <c>to_pem()</c> writes it.
    /// </summary>
    /// <returns>The PEM text. It contains the private key: store it like a password.</returns>
    public string ExportPem()
    {
        // DER is canonical, so this is byte for byte what python-ecdsa and the C client write.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        var privateKey = Secp256k1.To32Bytes(_privateKey);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(privateKey);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
            {
                writer.WriteObjectIdentifier(Secp256k1.Oid);
            }

            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true)))
            {
                writer.WriteBitString(_uncompressedPublicKey);
            }
        }

        var der = writer.Encode();
        CryptographicOperations.ZeroMemory(privateKey);
        writer.Reset();
        var base64 = Convert.ToBase64String(der);
        CryptographicOperations.ZeroMemory(der);
        var builder = new StringBuilder();
        builder.Append("-----BEGIN ").Append(SmartexKeyReader.Sec1Label).Append("-----\n");
        for (var i = 0; i < base64.Length; i += 64)
        {
            builder.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }

        builder.Append("-----END ").Append(SmartexKeyReader.Sec1Label).Append("-----\n");
        return builder.ToString();
    }

    /// <summary>The private key as 64 lowercase hex characters (the PHP and Node clients' storage format).</summary>
    /// <returns>The private key. Store it like a password.</returns>
    public string ExportPrivateKeyHex() => Secp256k1.ToHex(_privateKey);

    /// <summary>
    /// Writes <see cref="ExportPem"/> to <paramref name="path"/> atomically: a temporary file in the same directory
    /// (created with mode 0600 on Unix) is written, flushed and renamed over the target.
    /// </summary>
    /// <param name="path">The file path; its directory must exist.</param>
    public void SavePem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("The path has no directory.", nameof(path));
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var bytes = Encoding.ASCII.GetBytes(ExportPem());
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Signs a message: SHA-256 of <paramref name="message"/>, ECDSA secp256k1 with RFC 6979 k (HMAC-SHA256),
    /// low-S, DER-encoded.
    /// </summary>
    /// <param name="message">The exact bytes to sign (for a request: the full URL followed by the body).</param>
    /// <returns>The DER signature as lowercase hex (the <c>X-Signature</c> value).</returns>
    public string Sign(ReadOnlySpan<byte> message)
    {
        var (r, s) = Secp256k1.SignDigest(_privateKey, SHA256.HashData(message));
        return Secp256k1.ToHex(Secp256k1.EncodeDer(r, s));
    }

    /// <summary>Signs the UTF-8 bytes of <paramref name="message"/>; see <see cref="Sign(ReadOnlySpan{byte})"/>.</summary>
    /// <param name="message">The text to sign.</param>
    /// <returns>The DER signature as lowercase hex.</returns>
    public string Sign(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Sign(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Verifies a signature made by this identity; see <see cref="SmartexSignature.Verify(string, ReadOnlySpan{byte}, string)"/>.</summary>
    /// <param name="message">The signed bytes.</param>
    /// <param name="derSignatureHex">The DER signature as hex.</param>
    /// <returns><see langword="true"/> when the signature is valid for this identity's public key.</returns>
    public bool Verify(ReadOnlySpan<byte> message, string derSignatureHex) =>
        SmartexSignature.Verify(PublicKeyHex, message, derSignatureHex);

    /// <summary>Describes the identity by its SIN and public key; never shows the private key.</summary>
    /// <returns>For example <c>SmartexIdentity { Sin = Tf5t…, PublicKey = 03f0… }</c>.</returns>
    public override string ToString() => $"SmartexIdentity {{ Sin = {Sin}, PublicKey = {PublicKeyHex} }}";

    private static SmartexIdentity ParsePem(string text, string what)
    {
        var (label, der) = SmartexKeyReader.ReadPemBlock(text, what);
        byte[]? privateKey = null;
        try
        {
            (privateKey, var embedded) = SmartexKeyReader.ReadKey(label, der, what);
            var d = new BcBigInteger(1, privateKey);
            if (!Secp256k1.IsValidPrivateScalar(d))
            {
                throw new SmartexKeyFormatException($"{what} holds a private key outside the secp256k1 range [1, N-1].");
            }

            var identity = new SmartexIdentity(d);
            if (embedded is not null && !embedded.AsSpan().SequenceEqual(identity._uncompressedPublicKey)
                && !embedded.AsSpan().SequenceEqual(Convert.FromHexString(identity.PublicKeyHex)))
            {
                throw new SmartexKeyFormatException($"{what} is corrupt: its public key does not match its private key.");
            }

            return identity;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
            if (privateKey is not null)
            {
                CryptographicOperations.ZeroMemory(privateKey);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary file is in the target directory and named after it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
