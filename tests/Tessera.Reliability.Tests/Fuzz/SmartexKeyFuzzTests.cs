using System.Formats.Asn1;
using System.Text;
using Tessera.Smartex.Identity;
using Xunit.Abstractions;

namespace Tessera.Reliability.Tests.Fuzz;

/// <summary>
/// Seeded mutations of a valid Smartex key (SEC1 and PKCS#8, at the DER and at the PEM text level): every outcome is
/// the key itself or a <see cref="SmartexKeyFormatException"/> naming no key material; nothing else escapes.
/// </summary>
public sealed class SmartexKeyFuzzTests(ITestOutputHelper output)
{
    public const int Mutations = 20_000;

    // Vector A of reference smartex.md §2.6 (smartex-c-keyutils-library tests.c).
    private const string PemBody =
        "MHQCAQEEILrVeiUtzVEodjMvTsMwKYDMn+0UN5fzCRY3vozAsRZnoAcGBSuBBAAKoUQDQgAE8Db3K3DhLumyt3haSuAlu74pXf7nd2nhVKdlbrp/cwe7AhU2Dj5aCbPX2aZXU/fGVlg8kwSt9fjlSFipl1wVvw==";

    private const string PrivateKey = "bad57a252dcd512876332f4ec3302980cc9fed143797f3091637be8cc0b11667";

    private static readonly string[] Kinds =
    [
        "truncate", "flip-byte", "flip-bit", "insert-bytes", "delete-range", "duplicate-range", "length-byte",
        "long-length", "indefinite-length", "wrap-sequence", "random-bytes", "text-damage",
    ];

    [Fact]
    public void Mutated_keys_end_in_the_key_or_a_key_format_exception()
    {
        var sec1 = Convert.FromBase64String(PemBody);
        var seeds = new[] { ("EC PRIVATE KEY", sec1), ("PRIVATE KEY", Pkcs8(sec1)) };
        var random = new Random(8_005);
        var byKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var untyped = new List<string>();
        var loaded = 0;
        var refused = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var (label, der) = seeds[i % seeds.Length];
            var kind = Kinds[random.Next(Kinds.Length)];
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            var pem = Mutate(random, kind, label, der);
            try
            {
                // A mutation can leave an equivalent key (a byte replaced by itself); it must then be that key.
                SmartexIdentity.FromPem(pem).ExportPrivateKeyHex().ShouldBe(PrivateKey);
                loaded++;
            }
            catch (SmartexKeyFormatException ex)
            {
                refused++;
                if (ex.Message.Contains(PrivateKey, StringComparison.OrdinalIgnoreCase) || ex.Message.Contains(PemBody[8..40], StringComparison.Ordinal))
                {
                    untyped.Add($"{kind}: the message quotes key material");
                }
            }
#pragma warning disable CA1031 // Any other exception is exactly what this test looks for.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                untyped.Add($"{kind}: {ex.GetType().Name}: {ex.Message} ({Convert.ToBase64String(Encoding.UTF8.GetBytes(pem[..Math.Min(pem.Length, 400)]))})");
            }
        }

        output.WriteLine($"{Mutations} mutated keys: {loaded} loaded as the original key, {refused} SmartexKeyFormatException, {untyped.Count} other outcomes"
            + $" (mutations: {string.Join(", ", byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))})");
        foreach (var line in untyped.Take(20))
        {
            output.WriteLine(line);
        }

        untyped.ShouldBeEmpty();
        (loaded + refused).ShouldBe(Mutations);
        refused.ShouldBeGreaterThan(Mutations * 3 / 4);
    }

    private static string Mutate(Random random, string kind, string label, byte[] der)
    {
        var bytes = (byte[])der.Clone();
        switch (kind)
        {
            case "truncate":
                bytes = bytes[..random.Next(bytes.Length)];
                break;
            case "flip-byte":
                for (var i = 0; i <= random.Next(3); i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                break;
            case "flip-bit":
                var at = random.Next(bytes.Length);
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case "insert-bytes":
                var insert = new byte[1 + random.Next(8)];
                random.NextBytes(insert);
                var where = random.Next(bytes.Length + 1);
                bytes = [.. bytes[..where], .. insert, .. bytes[where..]];
                break;
            case "delete-range":
                var from = random.Next(bytes.Length);
                bytes = [.. bytes[..from], .. bytes[Math.Min(bytes.Length, from + 1 + random.Next(16))..]];
                break;
            case "duplicate-range":
                var start = random.Next(bytes.Length);
                var range = bytes[start..Math.Min(bytes.Length, start + 1 + random.Next(40))];
                bytes = [.. bytes[..start], .. range, .. bytes[start..]];
                break;
            case "length-byte":
                // The length octet of one of the TLVs of the key, set to any value (short or long form).
                int[] lengthOffsets = [1, 3, 6, 40, 42, 44, 51, 53, 55];
                var offset = lengthOffsets[random.Next(lengthOffsets.Length)];
                if (offset < bytes.Length)
                {
                    bytes[offset] = (byte)random.Next(256);
                }

                break;
            case "long-length":
                // A 4- or 8-byte length in front of the outer SEQUENCE: up to 2^64 - 1 claimed bytes.
                var size = random.Next(2) == 0 ? 4 : 8;
                var length = new byte[size];
                random.NextBytes(length);
                bytes = [0x30, (byte)(0x80 | size), .. length, .. bytes[2..]];
                break;
            case "indefinite-length":
                bytes = [0x30, 0x80, .. bytes[2..], 0x00, 0x00];
                break;
            case "wrap-sequence":
                // The key under up to 200 levels of SEQUENCE (definite or indefinite).
                for (var level = random.Next(1, 200); level > 0; level--)
                {
                    bytes = random.Next(2) == 0 ? [0x30, 0x80, .. bytes, 0x00, 0x00] : Wrap(bytes);
                }

                break;
            case "random-bytes":
                bytes = new byte[1 + random.Next(300)];
                random.NextBytes(bytes);
                if (random.Next(2) == 0)
                {
                    bytes[0] = 0x30;
                }

                break;
            case "text-damage":
                return DamageText(random, Pem(label, bytes));
        }

        return Pem(label, bytes);
    }

    private static string DamageText(Random random, string pem)
    {
        string[] insertions = ["\u00e9", "\u4e2d", "\u0000", "\ud83d\ude00", "=", "====", "-----", "-----END EC PRIVATE KEY-----", "Proc-Type: 4,ENCRYPTED", "\r", " ", "%", "\uFFFD"];
        var text = new StringBuilder(pem);
        for (var i = 0; i <= random.Next(3); i++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Insert(at, insertions[random.Next(insertions.Length)]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(10)));
                    break;
                default:
                    text[at] = (char)random.Next(0x20, 0x7F);
                    break;
            }
        }

        return text.ToString();
    }

    private static byte[] Wrap(byte[] content) => [.. Header(content.Length), .. content];

    private static byte[] Header(int length) => length switch
    {
        < 0x80 => [0x30, (byte)length],
        < 0x100 => [0x30, 0x81, (byte)length],
        < 0x10000 => [0x30, 0x82, (byte)(length >> 8), (byte)length],
        _ => [0x30, 0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length],
    };

    private static byte[] Pkcs8(byte[] sec1)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.2.840.10045.2.1");
                writer.WriteObjectIdentifier("1.3.132.0.10");
            }

            writer.WriteOctetString(sec1);
        }

        return writer.Encode();
    }

    private static string Pem(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END {label}-----\n";
}
