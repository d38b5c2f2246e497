namespace Tessera.Smartex.Pairing;

/// <summary>
/// A client-initiated pairing waiting for the merchant's approval. The token is already stored; it works once the
/// merchant opens <see cref="ApprovalUrl"/> and approves it before <see cref="ExpiresAt"/>.
/// <see cref="ToString"/> never shows the pairing code.
/// </summary>
public sealed class SmartexPairingRequest
{
    internal SmartexPairingRequest(string facade, string pairingCode, DateTimeOffset? expiresAt, Uri approvalUrl)
    {
        Facade = facade;
        PairingCode = pairingCode;
        ExpiresAt = expiresAt;
        ApprovalUrl = approvalUrl;
    }

    /// <summary>The facade requested.</summary>
    public string Facade { get; }

    /// <summary>The pairing code the merchant approves. A secret until approved: do not log it.</summary>
    public string PairingCode { get; }

    /// <summary>When the pairing code expires (about 24 hours after the request), if Smartex said.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Where the merchant approves the request: <c>&lt;BaseUrl&gt;/api-access-request?pairingCode=&lt;code&gt;</c>.</summary>
    public Uri ApprovalUrl { get; }

    /// <summary>Describes the request without the pairing code.</summary>
    /// <returns>The facade and expiry.</returns>
    public override string ToString() =>
        $"SmartexPairingRequest {{ Facade = {Facade}, ExpiresAt = {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"} }}";
}
