using System.Security.Cryptography;
using System.Text;

namespace Tessera.Sandbox.Pax8;

/// <summary>UUIDs for the sandbox: random ones drawn from the seeded generator, and stable name-based ones.</summary>
internal static class Pax8Ids
{
    /// <summary>A version-4-shaped UUID from a seeded generator, so the same seed gives the same ids.</summary>
    public static Guid Next(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Shape(bytes, version: 4);
    }

    /// <summary>A UUID derived from a name (SHA-256, version-5 style): catalogue ids stay the same for every seed.</summary>
    public static Guid FromName(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        return Shape(hash[..16], version: 5);
    }

    /// <summary>A stable 32-bit seed derived from parts, for on-demand data such as usage lines.</summary>
    public static int StableSeed(params object[] parts)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)), hash);
        return BitConverter.ToInt32(hash[..4]) & int.MaxValue;
    }

    private static Guid Shape(Span<byte> bytes, int version)
    {
        bytes[6] = (byte)((bytes[6] & 0x0F) | (version << 4));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
