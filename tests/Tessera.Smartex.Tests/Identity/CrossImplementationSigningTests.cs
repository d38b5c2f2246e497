using SHA256 = System.Security.Cryptography.SHA256;
using NBitcoin.Secp256k1;
using Tessera.Smartex.Identity;

namespace Tessera.Smartex.Tests.Identity;

/// <summary>
/// The shipped signer (BouncyCastle, RFC 6979, low-S, DER) against an independent implementation, NBitcoin.Secp256k1
/// (a C# port of libsecp256k1, which signs RFC 6979 and always low-S): on random keys and messages both give the same
/// public key and byte-identical DER, and each verifies the other's signature.
/// </summary>
public sealed class CrossImplementationSigningTests
{
    [Fact]
    public void Random_keys_and_messages_sign_byte_identically_and_cross_verify()
    {
        var random = new Random(19_6979); // seeded: a failure is reproducible
        var key = new byte[32];
        Span<byte> der = stackalloc byte[Secp256k1.MaxDerSignatureLength];
        for (var i = 0; i < 1_000; i++)
        {
            random.NextBytes(key);
            if (!ECPrivKey.TryCreate(key, out var reference) || reference is null)
            {
                continue; // outside [1, N-1]: about 4e-39 likely
            }

            var message = new byte[random.Next(0, 400)];
            random.NextBytes(message);
            var identity = SmartexIdentity.FromPrivateKeyHex(Convert.ToHexStringLower(key));
            var referencePublicKey = reference.CreatePubKey();
            Convert.ToHexStringLower(referencePublicKey.ToBytes(compressed: true)).ShouldBe(identity.PublicKeyHex);

            var shipped = identity.Sign(message);
            reference.SignECDSARFC6979(SHA256.HashData(message)).WriteDerToSpan(der, out var length);
            var referenceHex = Convert.ToHexStringLower(der[..length]);
            shipped.ShouldBe(referenceHex, $"case {i}");

            SecpECDSASignature.TryCreateFromDer(Convert.FromHexString(shipped), out var parsed).ShouldBeTrue();
            referencePublicKey.SigVerify(parsed!, SHA256.HashData(message)).ShouldBeTrue($"case {i}");
            SmartexSignature.Verify(identity.PublicKeyHex, message, referenceHex).ShouldBeTrue($"case {i}");
        }
    }

    [Fact]
    public void Test_vector_signatures_match_the_reference_implementation()
    {
        var identity = SmartexIdentity.FromPem(TestVectors.A.Pem);
        ECPrivKey.TryCreate(Convert.FromHexString(identity.ExportPrivateKeyHex()), out var reference).ShouldBeTrue();
        var message = System.Text.Encoding.UTF8.GetBytes(TestVectors.A.Message);
        Span<byte> der = stackalloc byte[Secp256k1.MaxDerSignatureLength];
        reference!.SignECDSARFC6979(SHA256.HashData(message)).WriteDerToSpan(der, out var length);

        identity.Sign(message).ShouldBe(Convert.ToHexStringLower(der[..length]));
    }
}
