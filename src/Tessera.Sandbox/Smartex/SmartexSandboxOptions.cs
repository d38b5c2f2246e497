namespace Tessera.Sandbox.Smartex;

/// <summary>
/// Settings of the sandbox's Smartex API (under <c>/smartex/</c>). The seed and the clock come from the shared
/// <see cref="SandboxOptions"/> (<see cref="SandboxOptions.Seed"/>, <see cref="SandboxOptions.TimeProvider"/>).
/// </summary>
public sealed class SmartexSandboxOptions
{
    /// <summary>
    /// The URL clients use to reach the Smartex API when it is not the sandbox's own address, e.g. a contract proxy
    /// (<c>prism proxy specs/smartex.yaml http://127.0.0.1:5080/smartex</c> listening on <c>http://127.0.0.1:4010</c>)
    /// or a reverse proxy. Clients sign the URL they request; a proxy rewrites the host and adds the <c>/smartex</c>
    /// prefix, so the sandbox could not recompute that URL from what it receives. When set, a signature is accepted
    /// if it verifies over the URL the sandbox sees <em>or</em> over <c>PublicBaseUrl</c> + the path after
    /// <c>/smartex</c> + the query string (the way a real server behind a reverse proxy is configured with its public
    /// URL). Null (the default): only the URL the sandbox sees.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a new invoice waits for payment before it turns <c>expired</c> (Smartex: 15 minutes).</summary>
    public TimeSpan InvoiceLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a pairing code (dashboard-issued or client-requested) stays valid (Smartex: about 24 hours).</summary>
    public TimeSpan PairingCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Number of invoices seeded over the past months, so date windows, filters and paging have data.</summary>
    public int InvoiceCount { get; set; } = 150;

    /// <summary>How long the sandbox waits for an IPN receiver (<c>notificationURL</c>) to answer.</summary>
    public TimeSpan IpnTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
