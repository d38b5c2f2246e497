using System.Text;
using Tessera.Smartex.Identity;

namespace Tessera.Smartex.Tests.Identity;

/// <summary>
/// <c>X-Signature</c> values from an untrusted peer: anything but a strict-DER pair of integers in [1, N-1] of at
/// most 72 bytes fails verification, quickly and without an exception.
/// </summary>
public sealed class HostileSignatureInputTests
{
    private const string N = "00fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

    private static readonly byte[] Message = Encoding.UTF8.GetBytes(TestVectors.A.Message);

    public static TheoryData<string> Malformed => new()
    {
        Convert.ToHexStringLower(HostileKeyInputTests.NestedDefiniteSequences(100_000)),
        Convert.ToHexStringLower(HostileKeyInputTests.NestedDefiniteSequences(72)),
        Convert.ToHexStringLower(HostileKeyInputTests.IndefiniteSequences(5_000)),
        Convert.ToHexStringLower(HostileKeyInputTests.IndefiniteSequences(10)),
        "3080" + TestVectors.A.Signature[4..] + "0000", // the vector with an indefinite length
        "308144" + TestVectors.A.Signature[4..], // the vector with a non-minimal length
        TestVectors.A.Signature + "3000", // trailing data
        "30847fffffff02010102010102010102010102010102010102", // a 2 GiB length
        "3006020100020101", // r = 0
        "30060201ff020101", // r = -1
        "3007020200010201" + "01", // a non-minimal integer
        "3026022100" + N[2..] + "020101", // r = N
        "3009020101020101020101", // three integers
        "3006040101020101", // an OCTET STRING for r
        string.Concat(Enumerable.Repeat("30", 10_000)), // 10,000 SEQUENCE tags with no lengths
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_der_signatures_fail_verification(string signature)
    {
        SmartexSignature.Verify(TestVectors.A.PublicKey, Message, signature).ShouldBeFalse();
    }

    [Fact]
    public void Signature_over_72_bytes_is_refused_before_parsing()
    {
        Secp256k1.TryDecodeDer(new byte[Secp256k1.MaxDerSignatureLength + 1], out _, out _).ShouldBeFalse();
        Secp256k1.TryDecodeDer(Convert.FromHexString(TestVectors.A.Signature), out var r, out var s).ShouldBeTrue();
        Secp256k1.EncodeDer(r, s).ShouldBe(Convert.FromHexString(TestVectors.A.Signature));
    }
}
