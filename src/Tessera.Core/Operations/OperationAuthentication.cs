namespace Tessera.Core.Operations;

/// <summary>How an operation's requests are authenticated, as its spec declares.</summary>
public enum OperationAuthentication
{
    /// <summary>No credentials (the token request itself, public endpoints).</summary>
    None,

    /// <summary><c>Authorization: Bearer</c> with an OAuth2 access token (Pax8).</summary>
    Bearer,

    /// <summary>A token the client writes into the request itself (SmartPay's session token in the form body).</summary>
    InjectedToken,

    /// <summary>A signed request carrying a facade token (Smartex: <c>X-Identity</c>, <c>X-Signature</c>).</summary>
    Signature,
}
