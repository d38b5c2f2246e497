using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Smartex.Identity;

/// <summary>
/// Reads a secp256k1 private key from a PEM file or text, treating the input as hostile: sizes are checked before
/// anything is parsed, and the DER is read with the BCL's <see cref="AsnReader"/> in strict DER (definite, minimal
/// lengths; iterative, so deep nesting cannot exhaust the stack) against the two fixed structures a Smartex key can
/// have. Every malformed input ends in <see cref="SmartexKeyFormatException"/>, whose message never holds key bytes.
/// </summary>
internal static class SmartexKeyReader
{
    /// <summary>
    /// The largest key file read, in bytes. A secp256k1 key PEM is about 230 bytes (SEC1) or 250–320 (PKCS#8); the
    /// margin leaves room for an <c>EC PARAMETERS</c> block, comments and CRLF line ends.
    /// </summary>
    internal const int MaxFileBytes = 4096;

    /// <summary>The longest PEM text parsed, in characters (the same bound as <see cref="MaxFileBytes"/>).</summary>
    internal const int MaxPemChars = 4096;

    /// <summary>
    /// The largest key DER parsed, in bytes: SEC1 with a public key is 118 bytes, PKCS#8 135–200.
    /// </summary>
    internal const int MaxDerBytes = 512;

    /// <summary>The SEC1 label (<c>-----BEGIN EC PRIVATE KEY-----</c>).</summary>
    internal const string Sec1Label = "EC PRIVATE KEY";

    /// <summary>The PKCS#8 label (<c>-----BEGIN PRIVATE KEY-----</c>).</summary>
    internal const string Pkcs8Label = "PRIVATE KEY";

    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    // Base64 of MaxDerBytes bytes, without whitespace.
    private const int MaxBase64Chars = (MaxDerBytes + 2) / 3 * 4;

    private static readonly Asn1Tag ParametersTag = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag PublicKeyTag = new(TagClass.ContextSpecific, 1, isConstructed: true);

    /// <summary>
    /// Reads a key file as text (UTF-8, or the encoding of its byte order mark, as <see cref="File.ReadAllText(string)"/>
    /// does), refusing files over <see cref="MaxFileBytes"/> before reading them and never reading more than one byte
    /// past the bound (a pipe or device has no length to check).
    /// </summary>
    internal static string ReadFile(string path, string what)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        if (stream.CanSeek && stream.Length > MaxFileBytes)
        {
            throw TooLarge(what, $"{stream.Length} bytes");
        }

        var buffer = new byte[MaxFileBytes + 1];
        try
        {
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read > MaxFileBytes)
            {
                throw TooLarge(what, $"over {MaxFileBytes} bytes");
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, read, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>
    /// Finds the first SEC1 or PKCS#8 private key block of <paramref name="text"/> and decodes its Base64 body,
    /// refusing text over <see cref="MaxPemChars"/> and bodies over <see cref="MaxDerBytes"/>.
    /// </summary>
    /// <returns>The label and the DER; the caller zeroes the DER.</returns>
    internal static (string Label, byte[] Der) ReadPemBlock(string text, string what)
    {
        if (text.Length > MaxPemChars)
        {
            throw TooLarge(what, $"{text.Length} characters");
        }

        foreach (var label in new[] { Sec1Label, Pkcs8Label })
        {
            var begin = $"-----BEGIN {label}-----";
            var end = $"-----END {label}-----";
            var start = text.IndexOf(begin, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            start += begin.Length;
            var stop = text.IndexOf(end, start, StringComparison.Ordinal);
            if (stop < 0)
            {
                throw new SmartexKeyFormatException($"{what} is truncated: '{end}' is missing.");
            }

            var body = text.AsSpan(start, stop - start);
            if (body.Contains("Proc-Type:", StringComparison.Ordinal) || body.Contains("DEK-Info:", StringComparison.Ordinal))
            {
                throw new SmartexKeyFormatException($"{what} is an encrypted PEM; encrypted keys are not supported.");
            }

            return (label, DecodeBody(body, what));
        }

        throw new SmartexKeyFormatException(
            text.Contains("-----BEGIN ", StringComparison.Ordinal)
                ? $"{what} holds an unsupported PEM block; expected '-----BEGIN EC PRIVATE KEY-----' (SEC1) or '-----BEGIN PRIVATE KEY-----' (PKCS#8)."
                : $"{what} is not a PEM file: '-----BEGIN EC PRIVATE KEY-----' was not found.");
    }

    /// <summary>
    /// Reads the private scalar (1 to 32 big-endian bytes) and the optional embedded public key of a SEC1 or PKCS#8
    /// DER key, checking that the curve, wherever it is named, is secp256k1.
    /// </summary>
    /// <returns>The private key bytes (the caller zeroes them) and the embedded public key, if any.</returns>
    internal static (byte[] PrivateKey, byte[]? PublicKey) ReadKey(string label, byte[] der, string what)
    {
        if (der.Length > MaxDerBytes)
        {
            throw TooLarge(what, $"{der.Length} bytes of DER");
        }

        try
        {
            return label == Sec1Label ? ReadSec1(der, what) : ReadPkcs8(der, what);
        }
        catch (AsnContentException ex)
        {
            // Only the type is kept: the key bytes must never reach a message or a log.
            throw new SmartexKeyFormatException(
                $"{what} is not a valid EC private key: its ASN.1 structure cannot be read ({ex.GetType().Name}).");
        }
    }

    private static byte[] DecodeBody(ReadOnlySpan<char> body, string what)
    {
        var base64 = new StringBuilder(Math.Min(body.Length, MaxBase64Chars + 1));
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (base64.Length == MaxBase64Chars)
            {
                // Checked before decoding: the body cannot hold a key, whatever it decodes to.
                throw TooLarge(what, $"a Base64 body over {MaxBase64Chars} characters");
            }

            base64.Append(c);
        }

        var buffer = new byte[base64.Length];
        try
        {
            if (!Convert.TryFromBase64String(base64.ToString(), buffer, out var written) || written == 0)
            {
                throw new SmartexKeyFormatException($"{what} is corrupt: the PEM body is not valid Base64.");
            }

            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    // SEC 1 §C.4: ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING,
    //   parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
    private static (byte[] PrivateKey, byte[]? PublicKey) ReadSec1(ReadOnlyMemory<byte> der, string what)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!sequence.TryReadInt32(out var version) || version != 1)
        {
            throw new SmartexKeyFormatException($"{what} is not a SEC1 EC private key: its version is not 1.");
        }

        var privateKey = sequence.ReadOctetString();
        try
        {
            // 32 bytes as SEC 1 requires; shorter is accepted because older OpenSSL releases dropped leading zeros.
            if (privateKey.Length is 0 or > 32)
            {
                throw new SmartexKeyFormatException(
                    $"{what} holds a {privateKey.Length}-byte private key; secp256k1 private keys are 32 bytes.");
            }

            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(ParametersTag))
            {
                var parameters = sequence.ReadSequence(ParametersTag);
                RequireSecp256k1(parameters, what);
                parameters.ThrowIfNotEmpty();
            }

            byte[]? publicKey = null;
            if (sequence.HasData && sequence.PeekTag().HasSameClassAndValue(PublicKeyTag))
            {
                var wrapper = sequence.ReadSequence(PublicKeyTag);
                publicKey = wrapper.ReadBitString(out var unusedBits);
                wrapper.ThrowIfNotEmpty();
                if (unusedBits != 0 || publicKey.Length is not (33 or 65))
                {
                    throw new SmartexKeyFormatException($"{what} is corrupt: its public key is not a SEC1 point.");
                }
            }

            sequence.ThrowIfNotEmpty();
            return (privateKey, publicKey);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(privateKey);
            throw;
        }
    }

    // RFC 5208/5958: PrivateKeyInfo ::= SEQUENCE { version INTEGER (0|1), AlgorithmIdentifier { id-ecPublicKey,
    //   namedCurve }, privateKey OCTET STRING (an ECPrivateKey), attributes [0] OPTIONAL, publicKey [1] OPTIONAL }
    private static (byte[] PrivateKey, byte[]? PublicKey) ReadPkcs8(byte[] der, string what)
    {
        var reader = new AsnReader(der, AsnEncodingRules.DER);
        var info = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        if (!info.TryReadInt32(out var version) || version is not (0 or 1))
        {
            throw new SmartexKeyFormatException($"{what} is not a PKCS#8 private key: its version is not 0 or 1.");
        }

        var algorithm = info.ReadSequence();
        var algorithmOid = algorithm.ReadObjectIdentifier();
        if (algorithmOid != EcPublicKeyOid)
        {
            throw new SmartexKeyFormatException($"{what} holds a {Shorten(algorithmOid)} key; Smartex keys are secp256k1 EC keys.");
        }

        RequireSecp256k1(algorithm, what);
        algorithm.ThrowIfNotEmpty();
        var sec1 = info.ReadOctetString();
        try
        {
            // Attributes and the RFC 5958 public key are allowed and not used: the SEC1 key carries what is needed.
            if (info.HasData && info.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                info.ReadEncodedValue();
            }

            if (info.HasData && info.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1)))
            {
                info.ReadEncodedValue();
            }

            info.ThrowIfNotEmpty();
            return ReadSec1(sec1, what);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sec1);
        }
    }

    private static void RequireSecp256k1(AsnReader parameters, string what)
    {
        if (!parameters.HasData || !parameters.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
        {
            throw UnsupportedCurve(what, "explicit or missing curve parameters");
        }

        var curve = parameters.ReadObjectIdentifier();
        if (curve != Secp256k1.Oid)
        {
            throw UnsupportedCurve(what, Shorten(curve));
        }
    }

    private static SmartexKeyFormatException UnsupportedCurve(string what, string curve) =>
        new($"{what} holds an EC key on an unsupported curve ({curve}); Smartex keys use secp256k1 ({Secp256k1.Oid}).");

    private static SmartexKeyFormatException TooLarge(string what, string size) =>
        new($"{what} is too large ({size}) to be a secp256k1 private key: PEM input is limited to {MaxPemChars} characters "
            + $"({MaxFileBytes} bytes for a file) and the key DER to {MaxDerBytes} bytes.");

    // An OID of a damaged file can be as long as the DER allows; a message quotes only its start.
    private static string Shorten(string oid) => oid.Length <= 64 ? oid : string.Concat(oid.AsSpan(0, 64), "…");
}
