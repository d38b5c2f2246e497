using Tessera.Core.Clients;

namespace Tessera.Pax8;

/// <summary>
/// Settings of a <see cref="Pax8Client"/>: where the API and its token endpoint live, the client credentials, how
/// tokens are cached (<see cref="TokenClientOptions"/>), and how requests are retried and throttled
/// (<see cref="ClientOptions"/>). Bind it from configuration (section <c>Pax8</c> by convention) or set it in code.
/// </summary>
public sealed class Pax8ClientOptions : TokenClientOptions
{
    /// <summary>The default configuration section name.</summary>
    public const string SectionName = "Pax8";

    /// <summary>Pax8's documented limit: 1000 requests per minute (the default budget).</summary>
    public const int DefaultRequestsPerMinute = 1000;

    /// <summary>The documented production base address of the Partner API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.pax8.com/v1/");

    /// <summary>The currently documented token endpoint (see the D12 discrepancy in specs/pax8.yaml).</summary>
    public static readonly Uri DefaultTokenUrl = new("https://api.pax8.com/v1/token");

    /// <summary>The audience Pax8 documents for partners.</summary>
    public const string DefaultAudience = "https://api.pax8.com";

    /// <summary>Creates options with Pax8's documented defaults.</summary>
    public Pax8ClientOptions()
        : base(DefaultBaseUrl, DefaultRequestsPerMinute)
    {
    }

    /// <summary>
    /// Base address of the undocumented portal API used by <see cref="Experimental.Pax8ExperimentalClient"/>.
    /// Default <c>https://app.pax8.com/p8p/api/v3/</c>.
    /// </summary>
    public Uri ExperimentalBaseUrl { get; set; } = new("https://app.pax8.com/p8p/api/v3/");

    /// <summary>
    /// Base address of the Webhooks API v2 used by <see cref="Webhooks.Pax8WebhooksClient"/> (same token, same rate
    /// budget as the Partner API), when it is not <c>{BaseUrl}../api/v2/</c>. Unset (the default), the client uses
    /// <see cref="EffectiveWebhooksBaseUrl"/>, which follows <see cref="ClientOptions.BaseUrl"/>:
    /// <c>https://api.pax8.com/api/v2/</c> for the default base address, <c>…/pax8/api/v2/</c> for the sandbox, so a
    /// client pointed elsewhere never manages production webhooks with another environment's token.
    /// </summary>
    /// <remarks>Null when unset, like <see cref="TokenUrl"/>: the configuration binder would freeze a computed default.</remarks>
    public Uri? WebhooksBaseUrl { get; set; }

    /// <summary>The Webhooks API v2 address the client uses: <see cref="WebhooksBaseUrl"/>, or <c>{BaseUrl}../api/v2/</c>.</summary>
    public Uri EffectiveWebhooksBaseUrl =>
        WebhooksBaseUrl ?? (BaseUrl is { IsAbsoluteUri: true } baseUrl ? new Uri(ClientRegistration.WithTrailingSlash(baseUrl), "../api/v2/") : DefaultWebhooksBaseUrl);

    /// <summary>The Webhooks API v2 of production: <c>https://api.pax8.com/api/v2/</c>.</summary>
    public static readonly Uri DefaultWebhooksBaseUrl = new("https://api.pax8.com/api/v2/");

    /// <summary>
    /// Token endpoint, when it is not <c>{BaseUrl}token</c>. Unset (the default), the client uses
    /// <see cref="EffectiveTokenUrl"/>, which follows <see cref="ClientOptions.BaseUrl"/>: <see cref="DefaultTokenUrl"/>
    /// for the default base address, the sandbox's token endpoint for the sandbox, so pointing the client elsewhere
    /// never sends the credentials to production. Legacy integrations used <c>https://login.pax8.com/oauth/token</c>
    /// with audience <c>api://p8p.client</c>.
    /// </summary>
    /// <remarks>
    /// Null when unset rather than a computed default: the configuration binder reads every property before it binds
    /// <c>BaseUrl</c> and would freeze a computed value.
    /// </remarks>
    public Uri? TokenUrl { get; set; }

    /// <summary>The token endpoint the client uses: <see cref="TokenUrl"/>, or <c>{BaseUrl}token</c>.</summary>
    public Uri EffectiveTokenUrl =>
        TokenUrl ?? (BaseUrl is { IsAbsoluteUri: true } baseUrl ? new Uri(ClientRegistration.WithTrailingSlash(baseUrl), "token") : DefaultTokenUrl);

    /// <summary>Token audience. Default <see cref="DefaultAudience"/>.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>The client id of a Pax8 developer app (Integrations → API credentials).</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret. Never logged, never part of an exception message.</summary>
    public string? ClientSecret { get; set; }

    /// <inheritdoc />
    protected override string ConfigurationSection => SectionName;

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        base.Validate(problems);
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add("Pax8:ClientId is required (or PAX8_CLIENT_ID)");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add("Pax8:ClientSecret is required (or PAX8_CLIENT_SECRET)");
        }

        if (TokenUrl is not null)
        {
            CheckUrl(problems, nameof(TokenUrl), TokenUrl);
        }
        CheckUrl(problems, nameof(ExperimentalBaseUrl), ExperimentalBaseUrl);
        if (WebhooksBaseUrl is not null)
        {
            CheckUrl(problems, nameof(WebhooksBaseUrl), WebhooksBaseUrl);
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            problems.Add("Pax8:Audience is required");
        }
    }

}
