using Tessera.Sandbox.Smartex;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>
/// The sandbox's <c>X-Signature</c> parser (white box) on hostile headers: deep nesting, BER, huge lengths and
/// non-DER integers are refused (null), never thrown, and nothing longer than a signature is parsed.
/// </summary>
public sealed class SmartexHostileSignatureTests
{
    private const string VectorASignature = "304402205e131d93b5582e3bb33736c3115580cc3eab6cdea94ff5b37a1851314ef06e4002206cd88274efcc7a478b38affbe353c8cb98a4467ee4528f8a2815a23476ef5657";

    public static TheoryData<string> Hostile => new()
    {
        string.Concat(Enumerable.Repeat("3080", 50_000)) + new string('0', 200_000), // 50,000 indefinite SEQUENCEs
        string.Concat(Enumerable.Repeat("3080", 10)) + new string('0', 40), // 10 of them, within 72 bytes
        "3080" + VectorASignature[4..] + "0000", // the vector with an indefinite length
        "308144" + VectorASignature[4..], // a non-minimal length
        VectorASignature + "00", // trailing data
        "30847fffffff020101020101", // a 2 GiB length
        "3007020200010201" + "01", // a non-minimal integer
        "30060201ff020101", // a negative r
        "3006020100020101", // r = 0
        "3009020101020101020101", // three integers
        "3006040101020101", // an OCTET STRING for r
        "300a3008020101020101", // the pair one SEQUENCE deeper
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_signatures_are_refused_without_an_exception(string hex)
    {
        SmartexCrypto.ParseDerSignature(hex).ShouldBeNull();
    }

    [Fact]
    public void The_vector_signature_still_parses()
    {
        var (r, s) = SmartexCrypto.ParseDerSignature(" " + VectorASignature.ToUpperInvariant() + " ").ShouldNotBeNull();

        r.ToString(16).ShouldBe("5e131d93b5582e3bb33736c3115580cc3eab6cdea94ff5b37a1851314ef06e40");
        s.ToString(16).ShouldBe("6cd88274efcc7a478b38affbe353c8cb98a4467ee4528f8a2815a23476ef5657");
    }
}
