using System.Text;
using Generated.Runtime.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Generated.Smartex.Tokens;

/// <summary>
/// Attaches the facade token an operation needs, chosen from the operation id the generated client sets
/// (<see cref="ClientRequestOptions.OperationId"/>) and the facade map of specs/smartex.yaml: as the <c>token</c>
/// query parameter on GET/DELETE, as the <c>token</c> field of the JSON body on POST/PUT. It also decides whether the
/// request is signed (<see cref="ClientRequestOptions.SkipAuthentication"/>) and must therefore run before (outside)
/// <see cref="Identity.SmartexSigningHandler"/>, so that the signature covers the final URL and body.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The first facade of the operation that has a stored token wins (<c>createInvoice</c>: pos, then merchant).</item>
/// <item>An operation that also allows the public facade falls back to it: no token, and unsigned when the spec says so
/// (<c>getInvoice</c> without a merchant token returns the public view).</item>
/// <item>No usable token and no public fallback: <see cref="SmartexNotPairedException"/>, before anything is sent.</item>
/// <item>A token already present (an explicit one in the body's additional properties or in the URL, or the one this
/// handler set on a previous attempt) is kept, so retries resend the same request.</item>
/// <item>Requests without a known operation id pass through unchanged (and are signed).</item>
/// </list>
/// </remarks>
public sealed class SmartexFacadeTokenHandler : DelegatingHandler
{
    private const string TokenName = "token";
    private readonly SmartexTokenStore _store;

    /// <summary>Creates the handler.</summary>
    /// <param name="store">Where the paired tokens are kept.</param>
    public SmartexFacadeTokenHandler(SmartexTokenStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operationId = ClientRequestOptions.GetOperationId(request);
        if (operationId is null || !SmartexFacadeMap.Operations.TryGetValue(operationId, out var operation))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var inBody = SmartexOperationFacades.TokenInBody(request.Method);
        var explicitToken = inBody ? await HasBodyTokenAsync(request, cancellationToken).ConfigureAwait(false) : HasQueryToken(request.RequestUri);
        SmartexStoredToken? token = null;
        if (!explicitToken)
        {
            token = operation.Facades
                .Where(facade => !string.Equals(facade, SmartexFacades.Public, StringComparison.Ordinal))
                .Select(_store.Get)
                .FirstOrDefault(candidate => candidate is not null);
            if (token is null && !operation.AllowsPublic)
            {
                throw new SmartexNotPairedException(operationId, operation.Facades, _store.Sin);
            }
        }

        var withToken = explicitToken || token is not null;
        ClientRequestOptions.SetSkipAuthentication(request, withToken ? !operation.Signed : operation.PublicUnsigned);
        if (token is not null)
        {
            if (inBody)
            {
                await SetBodyTokenAsync(request, token.Token, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                request.RequestUri = WithQueryToken(request.RequestUri!, token.Token);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static bool HasQueryToken(Uri? uri) =>
        uri is not null && uri.Query.TrimStart('?').Split('&').Any(pair => pair.StartsWith(TokenName + "=", StringComparison.Ordinal) && pair.Length > TokenName.Length + 1);

    private static Uri WithQueryToken(Uri uri, string token)
    {
        var builder = new UriBuilder(uri);
        var query = builder.Query.TrimStart('?');
        var pair = TokenName + "=" + Uri.EscapeDataString(token);
        builder.Query = query.Length == 0 ? pair : query + "&" + pair;
        return builder.Uri;
    }

    private static async Task<JObject?> ReadBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return null;
        }

        var text = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JToken.ReadFrom(reader) as JObject
            ?? throw new InvalidOperationException("The Smartex request body is not a JSON object, so no token can be added to it.");
    }

    private static async Task<bool> HasBodyTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        return body?[TokenName] is JValue { Type: JTokenType.String } value && !string.IsNullOrEmpty((string?)value);
    }

    private static async Task SetBodyTokenAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false) ?? [];
        body[TokenName] = token;
        var content = new StringContent(body.ToString(Formatting.None), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (request.Content is not null)
        {
            content.Headers.Clear();
            foreach (var header in request.Content.Headers.Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content.Dispose();
        }
        else
        {
            content.Headers.ContentType = new("application/json");
        }

        request.Content = content;
    }
}
