using Tessera.Smartex.Identity;
using Tessera.Smartex.Tokens;

namespace Tessera.Smartex.Pairing;

/// <summary>
/// Pairs the client identity (its SIN) with facade tokens and keeps them in the <see cref="SmartexTokenStore"/>:
/// server-initiated with a pairing code from the dashboard (<see cref="PairWithCodeAsync"/>) or client-initiated with
/// an approval URL for the merchant (<see cref="RequestTokenAsync"/>). Tokens and dashboard pairing codes are never
/// logged or put in exception messages; the code of a client-initiated request stays readable, because the merchant
/// must approve exactly that code. A pending token becomes approved in the store when Smartex first accepts it
/// (or when <see cref="GetTokensAsync"/> lists it).
/// </summary>
public sealed class SmartexPairing
{
    private readonly ISmartexClient _client;
    private readonly SmartexIdentity _identity;
    private readonly SmartexTokenStore _store;
    private readonly Uri _baseUrl;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the pairing service.</summary>
    /// <param name="client">The client whose <c>createToken</c>/<c>getTokens</c> operations are used.</param>
    /// <param name="identity">The identity to pair (the same one that signs the client's requests).</param>
    /// <param name="store">Where tokens are kept.</param>
    /// <param name="baseUrl">The API base address; the approval URL is built from it.</param>
    /// <param name="timeProvider">Clock for tokens whose creation time Smartex does not report.</param>
    public SmartexPairing(ISmartexClient client, SmartexIdentity identity, SmartexTokenStore store, Uri baseUrl, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!string.Equals(identity.Sin, store.Sin, StringComparison.Ordinal))
        {
            throw new ArgumentException("The token store belongs to a different identity.", nameof(store));
        }

        _client = client;
        _identity = identity;
        _store = store;
        _baseUrl = baseUrl;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The SIN that is paired (the <c>id</c> sent to <c>POST /tokens</c>).</summary>
    public string Sin => _identity.Sin;

    /// <summary>The facades this identity holds a token for.</summary>
    public IReadOnlyCollection<string> PairedFacades => _store.Facades;

    /// <summary>Whether this identity holds a token for <paramref name="facade"/>.</summary>
    /// <param name="facade">The facade, e.g. <c>pos</c>.</param>
    /// <returns><see langword="true"/> when a token is stored.</returns>
    public bool IsPaired(string facade) => _store.Get(facade) is not null;

    /// <summary>
    /// Server-initiated pairing: claims the 7-character code the merchant generated on the dashboard (API tokens) and
    /// stores the returned token under its facade. The token is active at once.
    /// </summary>
    /// <param name="pairingCode">The pairing code: exactly 7 letters or digits.</param>
    /// <param name="label">Optional label shown on the dashboard.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored token.</returns>
    /// <exception cref="ArgumentException">The code is not 7 alphanumeric characters.</exception>
    /// <exception cref="SmartexApiException">Smartex rejected the code.</exception>
    public async Task<SmartexStoredToken> PairWithCodeAsync(string pairingCode, string? label = null, CancellationToken cancellationToken = default)
    {
        if (!IsValidPairingCode(pairingCode))
        {
            throw new ArgumentException("A Smartex pairing code is exactly 7 letters or digits (generate one on the dashboard's API tokens page).", nameof(pairingCode));
        }

        _store.Register(pairingCode);
        var response = await _client.CreateTokenAsync(new SmartexTokenRequest { Id = Sin, PairingCode = pairingCode, Label = label }, cancellationToken).ConfigureAwait(false);
        var token = FirstToken(response);
        var facade = string.IsNullOrEmpty(token.Facade.Value) ? SmartexFacades.Pos : token.Facade.Value;
        var stored = new SmartexStoredToken(facade, token.Token, token.DateCreated ?? _timeProvider.GetUtcNow());
        _store.Set(stored);
        return stored;
    }

    /// <summary>
    /// Client-initiated pairing: asks for a token of <paramref name="facade"/>, stores it (inactive until approved) and
    /// returns the pairing code and the URL where the merchant approves it.
    /// </summary>
    /// <param name="facade"><c>pos</c> or <c>merchant</c>.</param>
    /// <param name="label">Optional label shown on the dashboard.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The pairing request.</returns>
    /// <exception cref="ArgumentException">The facade is empty or <c>public</c>.</exception>
    /// <exception cref="SmartexApiException">Smartex refused the request.</exception>
    public async Task<SmartexPairingRequest> RequestTokenAsync(string facade, string? label = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(facade);
        if (string.Equals(facade, SmartexFacades.Public, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The public facade needs no token; request 'pos' or 'merchant'.", nameof(facade));
        }

        var response = await _client.CreateTokenAsync(new SmartexTokenRequest { Id = Sin, Facade = facade, Label = label }, cancellationToken).ConfigureAwait(false);
        var token = FirstToken(response);
        if (string.IsNullOrEmpty(token.PairingCode))
        {
            throw new SmartexApiException("Smartex returned no pairing code for the client-initiated pairing.", 200, null, new Dictionary<string, IEnumerable<string>>(), null);
        }

        // Not registered as a secret, unlike a dashboard code (which grants a token to whoever claims it): this code
        // only names the request the merchant approves while signed in, and the user has to read it — in the approval
        // URL, and in Smartex's "not active yet: approve pairing code …" error, which must not come out redacted.
        var storedFacade = string.IsNullOrEmpty(token.Facade.Value) ? facade : token.Facade.Value;
        _store.Set(new SmartexStoredToken(storedFacade, token.Token, token.DateCreated, pendingApproval: true, token.PairingExpiration));
        return new SmartexPairingRequest(storedFacade, token.PairingCode, token.PairingExpiration, BuildApprovalUrl(_baseUrl, token.PairingCode));
    }

    /// <summary>
    /// Lists the tokens Smartex holds for this identity (<c>GET /tokens</c>, signed). Stored tokens that appear in the
    /// list are marked approved.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    public async Task<TokenListResponse> GetTokensAsync(CancellationToken cancellationToken = default)
    {
        var response = await _client.GetTokensAsync(cancellationToken).ConfigureAwait(false);
        foreach (var grant in response.Data ?? [])
        {
            foreach (var (facade, value) in grant)
            {
                _store.Register(value);
                if (_store.Get(facade) is { PendingApproval: true } pending && string.Equals(pending.Token, value, StringComparison.Ordinal))
                {
                    _store.Set(new SmartexStoredToken(pending.Facade, pending.Token, pending.CreatedAt));
                }
            }
        }

        return response;
    }

    /// <summary>Whether <paramref name="pairingCode"/> has the form Smartex accepts: 7 ASCII letters or digits.</summary>
    /// <param name="pairingCode">The code.</param>
    /// <returns><see langword="true"/> when it is well-formed.</returns>
    public static bool IsValidPairingCode(string? pairingCode) =>
        pairingCode is { Length: 7 } && pairingCode.All(char.IsAsciiLetterOrDigit);

    /// <summary>The approval URL of a client-initiated pairing: <c>&lt;baseUrl&gt;/api-access-request?pairingCode=&lt;code&gt;</c>.</summary>
    /// <param name="baseUrl">The API base address.</param>
    /// <param name="pairingCode">The pairing code.</param>
    /// <returns>The URL.</returns>
    public static Uri BuildApprovalUrl(Uri baseUrl, string pairingCode)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrEmpty(pairingCode);
        return new Uri(Tessera.Core.Clients.ClientRegistration.WithTrailingSlash(baseUrl), "api-access-request?pairingCode=" + Uri.EscapeDataString(pairingCode));
    }

    private ApiToken FirstToken(SmartexTokenResponse response)
    {
        var token = response.Data?.FirstOrDefault();
        if (token is null || string.IsNullOrEmpty(token.Token))
        {
            throw new SmartexApiException("Smartex returned no token.", 200, null, new Dictionary<string, IEnumerable<string>>(), null);
        }

        _store.Register(token.Token);
        return token;
    }
}
