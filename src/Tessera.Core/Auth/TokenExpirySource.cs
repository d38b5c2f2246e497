namespace Tessera.Core.Auth;

/// <summary>Which statement of the authorization server a token's expiry was taken from.</summary>
public enum TokenExpirySource
{
    /// <summary>The relative lifetime (<c>expires_in</c>), measured on the local clock.</summary>
    RelativeLifetime,

    /// <summary>The absolute expiry, found plausible by the local clock.</summary>
    AbsoluteExpiry,

    /// <summary>Neither was usable: the policy's default lifetime.</summary>
    Default,
}
