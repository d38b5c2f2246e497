namespace Tessera.Smartex.Tokens;

/// <summary>
/// A facade token paired with this client's identity, as kept by <see cref="SmartexTokenStore"/>.
/// <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class SmartexStoredToken
{
    /// <summary>Creates a stored token.</summary>
    /// <param name="facade">The facade, e.g. <c>pos</c> or <c>merchant</c>.</param>
    /// <param name="token">The token value (a secret).</param>
    /// <param name="createdAt">When Smartex created the token, if known.</param>
    /// <param name="pendingApproval">Whether the token came from a client-initiated pairing that the merchant may not have approved yet.</param>
    /// <param name="pairingExpiration">Until when a pending pairing can be approved.</param>
    public SmartexStoredToken(string facade, string token, DateTimeOffset? createdAt = null, bool pendingApproval = false, DateTimeOffset? pairingExpiration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(facade);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Facade = facade;
        Token = token;
        CreatedAt = createdAt;
        PendingApproval = pendingApproval;
        PairingExpiration = pairingExpiration;
    }

    /// <summary>The facade, e.g. <c>pos</c> or <c>merchant</c>.</summary>
    public string Facade { get; }

    /// <summary>The token value. A secret: never log it.</summary>
    public string Token { get; }

    /// <summary>When Smartex created the token, if known.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <summary>
    /// Whether the token came from a client-initiated pairing (<see cref="Pairing.SmartexPairing.RequestTokenAsync"/>):
    /// requests fail with 403 until the merchant approves it.
    /// </summary>
    public bool PendingApproval { get; }

    /// <summary>Until when a pending pairing can be approved.</summary>
    public DateTimeOffset? PairingExpiration { get; }

    /// <summary>Describes the token without its value.</summary>
    /// <returns>The facade and state.</returns>
    public override string ToString() => $"SmartexStoredToken {{ Facade = {Facade}, PendingApproval = {PendingApproval} }}";
}
