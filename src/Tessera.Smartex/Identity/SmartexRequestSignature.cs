namespace Tessera.Smartex.Identity;

/// <summary>The two header values that sign one Smartex request.</summary>
/// <param name="Identity">The <c>X-Identity</c> value: the compressed public key as lowercase hex.</param>
/// <param name="Signature">The <c>X-Signature</c> value: the DER signature over URL + body as lowercase hex.</param>
public sealed record SmartexRequestSignature(string Identity, string Signature);
