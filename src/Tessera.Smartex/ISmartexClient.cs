using Tessera.Smartex.Identity;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tokens;

namespace Tessera.Smartex;

/// <content>
/// What a Smartex client needs besides its operations, on the interface dependency injection hands out: the identity
/// that signs, the paired tokens and pairing. (The operations are generated from specs/smartex.yaml.)
/// </content>
public partial interface ISmartexClient
{
    /// <summary>The client identity that signs requests; its SIN is what gets paired.</summary>
    /// <exception cref="InvalidOperationException">The client was constructed directly from an <see cref="HttpClient"/>.</exception>
    SmartexIdentity Identity { get; }

    /// <summary>The paired facade tokens (kept in <see cref="SmartexClientOptions.TokenStoreFile"/>).</summary>
    /// <exception cref="InvalidOperationException">The client was constructed directly from an <see cref="HttpClient"/>.</exception>
    SmartexTokenStore Tokens { get; }

    /// <summary>Pairing this client's identity with facade tokens.</summary>
    /// <exception cref="InvalidOperationException">The client was constructed directly from an <see cref="HttpClient"/>.</exception>
    SmartexPairing Pairing { get; }
}
