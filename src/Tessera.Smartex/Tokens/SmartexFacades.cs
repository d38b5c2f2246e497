namespace Tessera.Smartex.Tokens;

/// <summary>The facade names of specs/smartex.yaml (<c>x-smartex-facade</c>).</summary>
internal static class SmartexFacades
{
    /// <summary>No token: the public facade.</summary>
    public const string Public = "public";

    /// <summary>Point of sale: create invoices.</summary>
    public const string Pos = "pos";

    /// <summary>Everything a merchant may do.</summary>
    public const string Merchant = "merchant";

    /// <summary>The token of the resource the path names (an invoice's own <c>token</c>, for its refunds).</summary>
    public const string Resource = "resource";
}
