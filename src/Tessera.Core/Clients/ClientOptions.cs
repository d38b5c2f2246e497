using System.Globalization;
using Tessera.Core.Resilience;

namespace Tessera.Core.Clients;

/// <summary>
/// What every client's options have: where the API lives, the client-side request budget, retries and timeouts, and
/// the clock. A client's options derive from this (or from <see cref="TokenClientOptions"/>) and add what is specific
/// to its API; <see cref="Validate()"/> reports every problem at once, each with its configuration key.
/// </summary>
public abstract class ClientOptions
{
    /// <summary>Creates options with the API's defaults.</summary>
    /// <param name="baseUrl">The production base address.</param>
    /// <param name="requestsPerMinute">The default client-side budget.</param>
    protected ClientOptions(Uri baseUrl, int requestsPerMinute)
    {
        BaseUrl = baseUrl;
        RequestsPerMinute = requestsPerMinute;
    }

    /// <summary>The configuration section these options are bound from by convention, for example <c>Pax8</c>.</summary>
    protected abstract string ConfigurationSection { get; }

    /// <summary>Base address of the API (absolute http or https URL; a path prefix is kept).</summary>
    public Uri BaseUrl { get; set; }

    /// <summary>Client-side request budget per minute; 0 disables it.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Retries, timeouts and circuit breaker. A POST or PATCH is never resent once it may have reached the server, unless the API marks it safe.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// The largest response body the client reads, in bytes, counted after decompression (default 16 MiB; Pax8's
    /// largest page, 200 companies, is about 85 KB). A larger body fails with <see cref="Errors.ResponseTooLargeException"/>
    /// as soon as the limit is crossed (at once when <c>Content-Length</c> says so), so a broken or hostile server, or a
    /// compression bomb, cannot exhaust the process's memory.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Lets the client send its credentials (client secret, bearer token, api_key, session token, facade token,
    /// signature) over plain http to a host that is not loopback. Off by default: credentials go only over https, or over
    /// http to <c>localhost</c>/<c>127.0.0.1</c>/<c>::1</c> (the sandbox, tests). Turn it on only for a trusted network
    /// you control (a TLS-terminating proxy on the same host), never for the Internet.
    /// </summary>
    public bool DangerousAllowCredentialsOverHttp { get; set; }

    /// <summary>
    /// State shared with the other instances of the application that use the same credential (request budget and, for
    /// token clients, the cached token and the right to acquire it), for example <c>Tessera.Redis</c>. Default
    /// <see langword="null"/>: everything stays in this process. Not bindable.
    /// </summary>
    public ISharedClientState? SharedState { get; set; }

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

    /// <summary>The clock (token expiry, request timing); tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks that the options can produce a working client and says what is wrong otherwise, naming each configuration key.</summary>
    /// <exception cref="ClientConfigurationException">A setting is missing or invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        Validate(problems);
        if (problems.Count > 0)
        {
            throw new ClientConfigurationException(ConfigurationSection, $"Invalid {ConfigurationSection} client options: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>Every problem with these options, each naming its configuration key and the fix.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Validate(problems);
        return problems;
    }

    /// <summary>Adds a description of every problem to <paramref name="problems"/>; overrides call the base first.</summary>
    /// <param name="problems">Where problems are collected.</param>
    protected virtual void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        CheckUrl(problems, nameof(BaseUrl), BaseUrl);
        if (MaxResponseBytes <= 0 || MaxResponseBytes > int.MaxValue)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Key(nameof(MaxResponseBytes))} must be between 1 and {int.MaxValue} bytes (got {MaxResponseBytes})"));
        }

        if (RequestsPerMinute < 0)
        {
            problems.Add($"{Key(nameof(RequestsPerMinute))} must be 0 (off) or positive");
        }

        if (Resilience is null)
        {
            problems.Add($"{Key(nameof(Resilience))} is required");
        }
        else if (Resilience.MaxRetryAttempts < 0)
        {
            problems.Add($"{Key("Resilience:MaxRetryAttempts")} must not be negative");
        }

        if (TimeProvider is null)
        {
            problems.Add($"{nameof(TimeProvider)} is required");
        }
    }

    /// <summary>
    /// Checks that <paramref name="url"/> is an absolute https URL (http only to a loopback host, or with
    /// <see cref="DangerousAllowCredentialsOverHttp"/>) without user info, query or fragment: every URL a client is
    /// configured with receives credentials.
    /// </summary>
    /// <param name="problems">Where problems are collected.</param>
    /// <param name="name">The option's name.</param>
    /// <param name="url">Its value.</param>
    protected void CheckUrl(List<string> problems, string name, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{Key(name)} must be an absolute http or https URL, such as https://host/path/ (got '{url?.OriginalString ?? "nothing"}')"));
        }
        else if (!string.IsNullOrEmpty(url.UserInfo))
        {
            problems.Add($"{Key(name)} must not carry credentials (user info); configure them with the client's own settings");
        }
        else if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            problems.Add($"{Key(name)} must not carry a query or fragment");
        }
        else if (!IsAllowedTransport(url, DangerousAllowCredentialsOverHttp))
        {
            problems.Add($"{Key(name)} is '{url.AbsoluteUri}': the client sends credentials to it and refuses plain http to a host that is not loopback; use https, a loopback address (the sandbox), or set {Key(nameof(DangerousAllowCredentialsOverHttp))} to true on a network you control");
        }
    }

    /// <summary>Whether credentials may be sent to <paramref name="url"/>: https, or http to a loopback host, or http when allowed.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <param name="allowHttp">The value of <see cref="DangerousAllowCredentialsOverHttp"/>.</param>
    /// <returns><see langword="true"/> when the transport is acceptable.</returns>
    internal static bool IsAllowedTransport(Uri url, bool allowHttp) =>
        url.Scheme == Uri.UriSchemeHttps || allowHttp || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);

    /// <summary>The configuration key of an option, for messages outside the options class.</summary>
    /// <param name="name">The option's name.</param>
    /// <returns>The key, for example <c>Pax8:MaxResponseBytes</c>.</returns>
    internal string ConfigurationKey(string name) => Key(name);

    /// <summary>The configuration key of an option, for example <c>Pax8:ClientId</c>.</summary>
    /// <param name="name">The option's name.</param>
    /// <returns>The key.</returns>
    protected string Key(string name) => $"{ConfigurationSection}:{name}";
}
