namespace Tessera.Core.Pipeline;

/// <summary>
/// The positions where a client adds the handlers specific to its API. The runtime owns everything else and the order
/// (see <see cref="ClientPipelineBuilder"/>): per call, once for the whole operation including its retries, and per
/// attempt, once for every send.
/// </summary>
public enum PipelineStage
{
    /// <summary>Per call: where the request goes (Pax8's token URL outside the API's base address).</summary>
    Routing,

    /// <summary>Per call: credentials and their renewal (a bearer token, a session token; a replay after a rejected credential).</summary>
    Authentication,

    /// <summary>Per call, after retries: a vendor's error envelope (errors inside HTTP 200) turned into a typed exception.</summary>
    ErrorEnvelope,

    /// <summary>Per attempt: fields the client writes into the request itself (Smartex's facade token).</summary>
    InjectedFields,

    /// <summary>Per attempt, last before the wire: a signature over the exact URL and body bytes sent.</summary>
    Signing,
}
