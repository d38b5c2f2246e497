using Tessera.Core.Clients;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Ipn;

namespace Tessera.Smartex;

/// <summary>
/// Settings of a <see cref="SmartexClient"/>: where the API lives, where the client identity (secp256k1 key) and the
/// paired facade tokens are stored, and how requests are retried and throttled. Bind it from configuration (section
/// <c>Smartex</c> by convention) or set it in code.
/// </summary>
public sealed class SmartexClientOptions : ClientOptions
{
    /// <summary>The default configuration section name.</summary>
    public const string SectionName = "Smartex";

    /// <summary>The production base address.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://smartex.io/");

    /// <summary>The test platform (testnet). Pair a separate identity and tokens there.</summary>
    public static readonly Uri TestBaseUrl = new("https://test.smartex.io/");

    /// <summary>The default key file: <c>~/.tessera/smartex/api.key</c>.</summary>
    public static readonly string DefaultKeyFile = Path.Combine("~", ".tessera", "smartex", "api.key");

    /// <summary>
    /// The default client-side request budget per minute: Smartex documents "no more than 100 invoices per hour" plus
    /// undisclosed per-second and per-minute limits.
    /// </summary>
    public const int DefaultRequestsPerMinute = 60;

    /// <summary>
    /// Creates options with Smartex's defaults: <see cref="DefaultBaseUrl"/> (<see cref="TestBaseUrl"/> for testnet)
    /// and <see cref="DefaultRequestsPerMinute"/>. POST requests (invoices, pairing) are never retried after they may
    /// have been sent.
    /// </summary>
    public SmartexClientOptions()
        : base(DefaultBaseUrl, DefaultRequestsPerMinute)
    {
    }

    /// <summary>
    /// The PEM file holding the client identity's private key (SEC1 <c>EC PRIVATE KEY</c>, the format of the Python
    /// and C clients). A leading <c>~</c> is the user profile. Default <see cref="DefaultKeyFile"/>.
    /// </summary>
    public string KeyFile { get; set; } = DefaultKeyFile;

    /// <summary>
    /// Whether a new identity is generated and saved to <see cref="KeyFile"/> (mode 0600) when the file does not
    /// exist. Default <see langword="true"/>. A new identity must be paired before signed calls work.
    /// </summary>
    public bool CreateKeyIfMissing { get; set; } = true;

    /// <summary>
    /// The file that keeps the paired facade tokens (mode 0600). Default: <c>tokens.json</c> beside
    /// <see cref="KeyFile"/>; when <see cref="Identity"/> is set and this is not, tokens are kept in memory only.
    /// </summary>
    public string? TokenStoreFile { get; set; }

    /// <summary>
    /// An identity to use instead of <see cref="KeyFile"/> (for example one loaded from a secret store). Not bindable
    /// from configuration.
    /// </summary>
    public SmartexIdentity? Identity { get; set; }


    /// <summary>How unsigned instant payment notifications are confirmed (section <c>Smartex:Ipn</c>).</summary>
    public SmartexIpnOptions Ipn { get; set; } = new();

    /// <inheritdoc />
    protected override string ConfigurationSection => SectionName;

    /// <summary>The token store path actually used: <see cref="TokenStoreFile"/> or <c>tokens.json</c> beside the key.</summary>
    /// <returns>The full path.</returns>
    public string ResolveTokenStoreFile() =>
        ExpandHome(TokenStoreFile ?? Path.Combine(Path.GetDirectoryName(ResolveKeyFile()) ?? ".", "tokens.json"));

    /// <summary>The key file path with <c>~</c> expanded.</summary>
    /// <returns>The full path.</returns>
    public string ResolveKeyFile() => ExpandHome(KeyFile);

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        base.Validate(problems);
        if (Identity is null && string.IsNullOrWhiteSpace(KeyFile))
        {
            problems.Add("Smartex:KeyFile is required unless Identity is set");
        }

        if (TokenStoreFile is not null && string.IsNullOrWhiteSpace(TokenStoreFile))
        {
            problems.Add("Smartex:TokenStoreFile must not be blank");
        }

        if (Ipn is null)
        {
            problems.Add("Smartex:Ipn is required");
        }
        else
        {
            problems.AddRange(Ipn.Validate());
        }
    }


    internal static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            path = path.Length == 1 ? home : Path.Combine(home, path[2..]);
        }

        return Path.GetFullPath(path);
    }
}
