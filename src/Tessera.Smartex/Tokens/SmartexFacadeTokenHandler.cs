using Tessera.Core.Http;
using Tessera.Core.Operations;

namespace Tessera.Smartex.Tokens;

/// <summary>
/// Attaches the facade token an operation needs, as its <see cref="OperationDescriptor"/> (from specs/smartex.yaml:
/// <c>x-smartex-facade(s)</c>, <c>security</c>, and where the omitted <c>token</c> field went) says: as the
/// <c>token</c> query parameter, or as the <c>token</c> member the body writes when it is serialized. It also decides
/// whether the request is signed (<see cref="ClientRequestOptions.SkipAuthentication"/>) and therefore runs before
/// (outside) <see cref="Identity.SmartexSigningHandler"/>, so that the signature covers the final URL and body.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A <c>resource</c> operation (refunds) takes the token of the resource in its path, which the facade method
/// that was handed the resource attached (<see cref="SmartexResourceToken"/>); without one nothing is sent.</item>
/// <item>The first facade of the operation that has a stored token wins (<c>createInvoice</c>: pos, then merchant).</item>
/// <item>An operation that also allows the public facade falls back to it: no token, and unsigned when the spec says so
/// (<c>getInvoice</c> without a merchant token returns the public view).</item>
/// <item>No usable token and no public fallback: <see cref="SmartexNotPairedException"/>, before anything is sent.</item>
/// <item>A token already present (an explicit one in the body's additional properties or in the URL) is kept; a retry
/// of the same request resends exactly the same URL and body.</item>
/// <item>Requests without a descriptor, or whose operation takes no facade token, pass through unchanged (and are signed).</item>
/// <item>A token stored as pending approval (client-initiated pairing) that Smartex accepts — a 2xx response that is not
/// an error envelope — is marked approved in the store, so the token file stops saying <c>pendingApproval: true</c> once
/// the merchant has approved it.</item>
/// </list>
/// </remarks>
public sealed class SmartexFacadeTokenHandler : DelegatingHandler
{
    private readonly SmartexTokenStore _store;

    /// <summary>Creates the handler.</summary>
    /// <param name="store">Where the paired tokens are kept.</param>
    public SmartexFacadeTokenHandler(SmartexTokenStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OperationDescriptor.Of(request) is not { Facades.Count: > 0 } operation)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var pending = AttachToken(request, operation);
        return pending is null ? base.SendAsync(request, cancellationToken) : SendWithPendingTokenAsync(request, pending, cancellationToken);
    }

    // Returns the stored token that was attached when it is still pending approval.
    private SmartexStoredToken? AttachToken(HttpRequestMessage request, OperationDescriptor operation)
    {
        var field = operation.InjectedFieldIn(FieldLocation.Query) ?? operation.InjectedFieldIn(FieldLocation.Body);
        var explicitToken = field is not null && HasExplicitToken(request, field);
        string? token = null;
        SmartexStoredToken? stored = null;
        if (!explicitToken && operation.Facades.Contains(SmartexFacades.Resource, StringComparer.Ordinal))
        {
            // A resource token belongs to one resource (the invoice in the path), so no stored facade token can
            // stand in for it: the facade method that took the resource put it on the request.
            token = SmartexResourceToken.Of(request)
                ?? throw new InvalidOperationException($"The Smartex operation '{operation.OperationId}' is authorised by the resource's own token (the invoice's 'token'); call the overload that takes the invoice.");
        }
        else if (!explicitToken)
        {
            stored = operation.Facades
                .Where(facade => !string.Equals(facade, SmartexFacades.Public, StringComparison.Ordinal))
                .Select(_store.Get)
                .FirstOrDefault(candidate => candidate is not null);
            token = stored?.Token;
            if (token is null && !operation.Facades.Contains(SmartexFacades.Public, StringComparer.Ordinal))
            {
                throw new SmartexNotPairedException(operation.OperationId, operation.Facades, _store.Sin);
            }
        }

        var withToken = explicitToken || token is not null;
        ClientRequestOptions.SetSkipAuthentication(request, withToken ? !operation.Signed : operation.UnsignedVariant);
        if (token is not null && field is not null)
        {
            if (field.Location == FieldLocation.Query)
            {
                request.RequestUri = WithQueryToken(request.RequestUri!, field.Name, token);
            }
            else
            {
                // Written when the body is serialized (for signing, or by the transport): no re-parsing or rewriting.
                if (!ModelContent.TrySetField(request, field.Name, token))
                {
                    throw new InvalidOperationException($"The Smartex operation '{operation.OperationId}' carries its token in the body, but the request has no generated body.");
                }
            }
        }

        return stored is { PendingApproval: true } ? stored : null;
    }

    private async Task<HttpResponseMessage> SendWithPendingTokenAsync(HttpRequestMessage request, SmartexStoredToken pending, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // Smartex reports some failures inside HTTP 200 (spec decision S13): only a body without an envelope proves the token works.
        if (response.IsSuccessStatusCode && await SmartexErrorEnvelope.FindAsync(response, cancellationToken).ConfigureAwait(false) is null
            && _store.Get(pending.Facade) is { PendingApproval: true } current && string.Equals(current.Token, pending.Token, StringComparison.Ordinal))
        {
            _store.Set(new SmartexStoredToken(current.Facade, current.Token, current.CreatedAt));
        }

        return response;
    }

    private static bool HasExplicitToken(HttpRequestMessage request, InjectedField field) => field.Location switch
    {
        FieldLocation.Query => request.RequestUri is { } uri && uri.Query.TrimStart('?').Split('&')
            .Any(pair => pair.StartsWith(field.Name + "=", StringComparison.Ordinal) && pair.Length > field.Name.Length + 1),
        _ => request.Content is ModelContent { Model: { } model } && ExplicitBodyToken(model, field.Name),
    };

    // The generated request models keep members the spec does not list (such as an explicit token) in AdditionalProperties.
    private static bool ExplicitBodyToken(object model, string name) =>
        model.GetType().GetProperty("AdditionalProperties")?.GetValue(model) is IDictionary<string, object> members
        && members.TryGetValue(name, out var value) && value is string { Length: > 0 };

    private static Uri WithQueryToken(Uri uri, string name, string token)
    {
        var builder = new UriBuilder(uri);
        var query = builder.Query.TrimStart('?');
        var pair = name + "=" + Uri.EscapeDataString(token);
        builder.Query = query.Length == 0 ? pair : query + "&" + pair;
        return builder.Uri;
    }
}
