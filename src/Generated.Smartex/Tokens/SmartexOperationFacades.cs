namespace Generated.Smartex.Tokens;

/// <summary>
/// Which facade tokens an operation accepts and whether it is signed, as specs/smartex.yaml declares it
/// (<c>x-smartex-facade</c>, <c>x-smartex-facades</c> and <c>security</c>).
/// </summary>
/// <param name="OperationId">The OpenAPI operation id.</param>
/// <param name="Facades">The facades that work, preferred first; <c>public</c> means "no token".</param>
/// <param name="Signed">Whether a request with a facade token (or, for a public-only operation, the request itself) is signed.</param>
/// <param name="PublicUnsigned">Whether the public variant (no token) is sent unsigned (its <c>security</c> lacks <c>Identity</c>).</param>
internal sealed record SmartexOperationFacades(string OperationId, IReadOnlyList<string> Facades, bool Signed, bool PublicUnsigned)
{
    /// <summary>Whether the request carries a token in the JSON body (POST/PUT) rather than the query (GET/DELETE).</summary>
    public static bool TokenInBody(HttpMethod method) => method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch;

    /// <summary>Whether the operation can be sent without any token.</summary>
    public bool AllowsPublic => Facades.Contains(SmartexFacades.Public, StringComparer.Ordinal);
}

/// <summary>The facade names.</summary>
internal static class SmartexFacades
{
    public const string Public = "public";
    public const string Pos = "pos";
    public const string Merchant = "merchant";
}

/// <summary>
/// The facade map of specs/smartex.yaml, written by hand; <c>FacadeMapTests</c> checks it against the prepared spec so
/// that a spec edit that changes a facade or the security of an operation fails the build.
/// </summary>
internal static class SmartexFacadeMap
{
    public static readonly IReadOnlyDictionary<string, SmartexOperationFacades> Operations = new[]
    {
        // Pairing: public facade, no token, unsigned in every Smartex client.
        new SmartexOperationFacades("createToken", [SmartexFacades.Public], Signed: false, PublicUnsigned: true),

        // Lists the signing identity's tokens: no token, but signed (the server needs the SIN).
        new SmartexOperationFacades("getTokens", [SmartexFacades.Public], Signed: true, PublicUnsigned: false),
        new SmartexOperationFacades("createInvoice", [SmartexFacades.Pos, SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),
        new SmartexOperationFacades("getInvoices", [SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),

        // Merchant view (token, signed) when a merchant token is paired, else the public view (no token, unsigned).
        new SmartexOperationFacades("getInvoice", [SmartexFacades.Merchant, SmartexFacades.Public], Signed: true, PublicUnsigned: true),
        new SmartexOperationFacades("createBill", [SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),
        new SmartexOperationFacades("getBills", [SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),
        new SmartexOperationFacades("getBill", [SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),
        new SmartexOperationFacades("updateBill", [SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),
        new SmartexOperationFacades("deliverBill", [SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),
        new SmartexOperationFacades("getRates", [SmartexFacades.Public], Signed: false, PublicUnsigned: true),
        new SmartexOperationFacades("getCurrencies", [SmartexFacades.Public], Signed: false, PublicUnsigned: true),
        new SmartexOperationFacades("getLedgers", [SmartexFacades.Merchant], Signed: true, PublicUnsigned: false),
    }.ToDictionary(operation => operation.OperationId, StringComparer.Ordinal);
}
