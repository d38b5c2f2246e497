namespace Tessera.Smartex.Identity;

/// <summary>Names and fixed values of the Smartex request headers.</summary>
public static class SmartexHeaders
{
    /// <summary>The API version header, <c>X-Accept-Version</c>.</summary>
    public const string AcceptVersion = "X-Accept-Version";

    /// <summary>The API version Smartex clients send (BitPay sends 2.0.0).</summary>
    public const string AcceptVersionValue = "1.0.0";

    /// <summary>The header carrying the compressed public key, <c>X-Identity</c>.</summary>
    public const string Identity = "X-Identity";

    /// <summary>The header carrying the DER signature as hex, <c>X-Signature</c>.</summary>
    public const string Signature = "X-Signature";
}
