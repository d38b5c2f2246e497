using System.Security.Cryptography;
using System.Text;
using Tessera.Sandbox.Smartex;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>The sandbox's verifier (white box) against the reference §2.6 test vectors.</summary>
public sealed class SmartexSignatureVectorTests
{
    private const string VectorAMessage = "https://smartex.io/invoices{\"currency\":\"USD\",\"price\":10,\"token\":\"3yHuXP7GVbqEh1rsDaodCzbMR5TZsxbMHEPnigsKyY86\"}";
    private const string VectorASignature = "304402205e131d93b5582e3bb33736c3115580cc3eab6cdea94ff5b37a1851314ef06e4002206cd88274efcc7a478b38affbe353c8cb98a4467ee4528f8a2815a23476ef5657";

    [Theory]
    [InlineData("03f036f72b70e12ee9b2b7785a4ae025bbbe295dfee77769e154a7656eba7f7307", "Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ")]
    [InlineData("03F036F72B70E12EE9B2B7785A4AE025BBBE295DFEE77769E154A7656EBA7F7307", "Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ")] // the C library's uppercase
    [InlineData("038d970d6ba29dcfa190c177140fd889fadd6d2590b1ee1a6a06e255dbf22b4017", "TeyN4LPrXiG5t2yuSamKqP3ynVk3F52iHrX")]
    [InlineData("02326209e52f6f17e987ec27c56a1321acf3d68088b8fb634f232f12ccbc9a4575", "Tf3yr5tYvccKNVrE26BrPs6LWZRh8woHwjR")]
    [InlineData("031530ff12958742b22bf4a764e776db2e831b10b8177ea20460b89841256a24e9", "TfFRze6u6V9qHbYYvHt4qjjwCntEgM1tEm4")]
    [InlineData("023718fcacdc89d213ab14b22bfe7babc335da572f6020ac60de65f80309cd146d", "TfLXPHxhwH5A9DfW8R8K1p2ednPbwd1muSn")]
    [InlineData("038fcc587b8dcca0f8bfc2651895dddaa479162abcd56e1d72d09db0a96c50a1f7", "TfHUrKXeqyNwZHp7neySQuy1XyHr39s9BWH")]
    public void Sin_is_derived_from_the_compressed_public_key(string identity, string sin)
    {
        var point = SmartexCrypto.ParseIdentity(identity);

        point.ShouldNotBeNull();
        SmartexCrypto.Sin(point).ShouldBe(sin);
        SmartexCrypto.IsValidSin(sin).ShouldBeTrue();
    }

    [Fact]
    public void Sin_checksum_is_checked()
    {
        SmartexCrypto.IsValidSin("TfG4ScDgysrSpodWD4Re5UtXmcLbY5CiUHA").ShouldBeTrue();
        SmartexCrypto.IsValidSin("Tf1Jc1xSbqasm5QLwwSQc5umddx2h7mAMhX").ShouldBeFalse();
        SmartexCrypto.IsValidSin("Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6D").ShouldBeFalse();
    }

    [Fact]
    public void Vector_A_message_digest_and_signature_verify()
    {
        var digest = SmartexCrypto.MessageDigest("https://smartex.io/invoices", Encoding.UTF8.GetBytes(VectorAMessage["https://smartex.io/invoices".Length..]));

        Convert.ToHexStringLower(digest).ShouldBe("d6de68f0352cd98ed5864d5bbf02aba52a157793e60546073d54444776cbba3d");
        Verify(SmartexTestKey.VectorAPublicKey, VectorAMessage, VectorASignature).ShouldBeTrue();
        Verify(SmartexTestKey.VectorAPublicKey, VectorAMessage + " ", VectorASignature).ShouldBeFalse();
        Verify(SmartexTestKey.VectorAPublicKey, VectorAMessage.Replace("\"price\":10", "\"price\":11", StringComparison.Ordinal), VectorASignature).ShouldBeFalse();
    }

    [Fact]
    public void High_s_signatures_are_accepted_too()
    {
        Verify(SmartexTestKey.VectorAPublicKey, VectorAMessage, SmartexTestKey.HighS(VectorASignature)).ShouldBeTrue();
        Verify(SmartexTestKey.VectorAPublicKey, VectorAMessage, VectorASignature.ToUpperInvariant()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("038d970d6ba29dcfa190c177140fd889fadd6d2590b1ee1a6a06e255dbf22b4017", "message", "3045022100ae98165a710565be8797ccff930d7fa52cee6a892c1e906e1f4061ff8f5fd80902200e889fded2a3c97b7a087850b29c0afea7e3dff3aa081bb0ad46fbd03fa39c30")]
    [InlineData("02326209e52f6f17e987ec27c56a1321acf3d68088b8fb634f232f12ccbc9a4575", "keyboard cat", "304402203f89233746b8dc0fc2acb1d84a9d06691afd41d054117825e405925f1994a650022065a9012c1abf152df6dadd55edf4a2487ab28dc90d959e5f075c543667b8087e")]
    [InlineData("02326209e52f6f17e987ec27c56a1321acf3d68088b8fb634f232f12ccbc9a4575", "https://smartex.io/tokens", "3045022100adb612470a36a81ff83f03171da84db4e0cea7dc8d3851536320d1ce2d47deb70220610b66d26af8dc967fca2f96d5581e4785d4d1fa15360f08d08a2ab14592629a")]
    [InlineData("02326209e52f6f17e987ec27c56a1321acf3d68088b8fb634f232f12ccbc9a4575", "https://smartex.io/invoices/AbCdEfGhIjKlMnOpQrStUv?token=5dF8eJxq9mQ1vRb2sTn4kLw7yZc3uHp6aGd0iEo", "3045022100918524711870e0ca1095ab1940297ea2fabba2eedea264c1c2283f0a2d394e7502204fbbf5295fea7e820a60941fcf14cfd1e3abbd1860c2dab96a492449f9ff9271")]
    public void Vectors_B_and_C_verify(string identity, string message, string signature)
    {
        Verify(identity, message, signature).ShouldBeTrue();
        Verify(SmartexTestKey.VectorAPublicKey, message, signature).ShouldBeFalse(); // another key
    }

    [Fact]
    public void The_test_signer_reproduces_vector_A()
    {
        SmartexTestKey.VectorA.PublicKeyHex.ShouldBe(SmartexTestKey.VectorAPublicKey);
        SmartexTestKey.VectorA.Sign(VectorAMessage).ShouldBe(VectorASignature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("04f036f72b70e12ee9b2b7785a4ae025bbbe295dfee77769e154a7656eba7f7307")] // wrong prefix
    [InlineData("03f036f72b70e12ee9b2b7785a4ae025bbbe295dfee77769e154a7656eba7f73")] // short
    [InlineData("03zz36f72b70e12ee9b2b7785a4ae025bbbe295dfee77769e154a7656eba7f7307")] // not hex
    public void Malformed_identities_are_refused(string identity) => SmartexCrypto.ParseIdentity(identity).ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("3044")]
    [InlineData("nothex")]
    [InlineData("0201010201")]
    public void Malformed_signatures_are_refused(string signature) => SmartexCrypto.ParseDerSignature(signature).ShouldBeNull();

    [Fact]
    public void Base58_round_trips()
    {
        var bytes = SHA256.HashData("smartex"u8);
        SmartexCrypto.Base58Decode(SmartexCrypto.Base58Encode(bytes)).ShouldBe(bytes);
        SmartexCrypto.Base58Encode([0, 0, 1]).ShouldBe("112");
    }

    private static bool Verify(string identity, string message, string signature)
    {
        var point = SmartexCrypto.ParseIdentity(identity)!;
        var parsed = SmartexCrypto.ParseDerSignature(signature);
        parsed.ShouldNotBeNull();
        return SmartexCrypto.Verify(point, SmartexCrypto.MessageDigest(message, []), parsed.Value);
    }
}
