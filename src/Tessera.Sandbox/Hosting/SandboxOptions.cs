namespace Tessera.Sandbox;

/// <summary>
/// Settings of a sandbox instance: the credentials it accepts, token lifetime, rate limit, the size of the seeded
/// data set and the clock it runs on.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The Pax8 client id the sandbox accepts unless told otherwise.</summary>
    public const string DefaultPax8ClientId = "sandbox-client";

    /// <summary>The Pax8 client secret the sandbox accepts unless told otherwise.</summary>
    public const string DefaultPax8ClientSecret = "sandbox-secret";

    /// <summary>The client id <c>POST /pax8/v1/token</c> accepts.</summary>
    public string Pax8ClientId { get; set; } = DefaultPax8ClientId;

    /// <summary>The client secret <c>POST /pax8/v1/token</c> accepts.</summary>
    public string Pax8ClientSecret { get; set; } = DefaultPax8ClientSecret;

    /// <summary>How long an issued access token stays valid (Pax8: 24 hours), measured on <see cref="TimeProvider"/>.</summary>
    public TimeSpan Pax8TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Requests per minute a Pax8 client may make (Pax8 documents 1000). Beyond it the sandbox answers 429 with a
    /// <c>Retry-After</c> header in seconds. 0 disables the limit.
    /// </summary>
    public int Pax8RequestsPerMinute { get; set; } = 1000;

    /// <summary>Number of companies seeded (the default spans several pages at the maximum page size of 200).</summary>
    public int Pax8CompanyCount { get; set; } = 320;

    /// <summary>Seed of the generated data: the same seed (in the same month) gives the same data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>The clock for token expiry, rate-limit windows and timestamps; tests substitute a manual clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Fault injection in front of every API: canned errors, resets, delays and truncated bodies for matching requests
    /// (see <see cref="Faults.SandboxFaults"/>). Rules may be added while the sandbox runs; null turns the middleware off.
    /// </summary>
    public Faults.SandboxFaults? Faults { get; set; } = new();

    /// <summary>
    /// Answer like a vendor that drifted from its docs: an undocumented <c>sandboxDrift</c> member on every JSON
    /// response and its items, and item <c>status</c> values no spec lists (<c>drifted</c>), so a client's drift
    /// report (<c>--report-drift</c>, docs/drift.md) can be tried end to end. Off by default.
    /// </summary>
    public bool Drift { get; set; }

    /// <summary>Settings of the SmartPay API (under <c>/smartpay/</c>).</summary>
    public SmartPay.SmartPaySandboxOptions SmartPay { get; set; } = new();

    /// <summary>Settings of the Smartex API (under <c>/smartex/</c>).</summary>
    public Smartex.SmartexSandboxOptions Smartex { get; set; } = new();
}
