using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Tessera.Sandbox.Smartex;

/// <summary>Whether an operation is signed (spec <c>security</c>).</summary>
internal enum SmartexSigning
{
    /// <summary>Security lists only <c>AcceptVersion</c>: unsigned (signature headers, if any, are ignored).</summary>
    None,

    /// <summary>Security requires <c>Identity</c> and <c>Signature</c>.</summary>
    Required,

    /// <summary>Either variant (<c>getInvoice</c>): unsigned without a token, signed with one.</summary>
    Optional,
}

/// <summary>
/// Endpoint metadata: what the spec says about an operation's signing and facade token (<c>x-smartex-facade(s)</c>).
/// <paramref name="Facades"/> empty means no facade token (public facade); <paramref name="TokenOptional"/> allows a
/// public, token-less call besides the facade one.
/// </summary>
internal sealed record SmartexOperation(string OperationId, SmartexSigning Signing, IReadOnlyList<string> Facades, bool TokenOptional = false)
{
    /// <summary>The spec's <c>x-smartex-facade: resource</c>: the token of the resource the path names, not a facade token.</summary>
    public const string Resource = "resource";
}

/// <summary>Who made a request that passed the gate: the SIN of a valid signature and the token it presented (if any).</summary>
internal sealed record SmartexCaller(string? Sin, SmartexToken? Token, string? ResourceToken, byte[] Body);

/// <summary>
/// The gate in front of the Smartex operations: reads the exact body bytes, checks the signature of operations whose
/// spec security requires one (and of <c>getInvoice</c> when it is signed or carries a token), and checks the facade
/// token: it must exist, be paired with the signing identity's SIN, be approved, and belong to a facade listed in
/// the operation's <c>x-smartex-facade(s)</c>.
/// <para>
/// The signed URL is rebuilt as <c>scheme://Host[:non-default port]</c> + the raw request target (path and query as
/// sent); with <see cref="SmartexSandboxOptions.PublicBaseUrl"/> the public URL (<c>PublicBaseUrl</c> + the target
/// after <c>/smartex</c>) is accepted too. The token comes from the <c>token</c> query parameter on GET and from the
/// <c>token</c> field of the JSON body on POST/PUT.
/// </para>
/// </summary>
internal sealed class SmartexAuthentication
{
    public const string CallerKey = "Smartex.Caller";
    private const int MaxBodyBytes = 1 << 20;

    private readonly SmartexStore store;
    private readonly PathString prefix;

    public SmartexAuthentication(SmartexStore store, PathString prefix)
    {
        this.store = store;
        this.prefix = prefix;
    }

    public static SmartexCaller Caller(HttpContext context) =>
        context.Items[CallerKey] as SmartexCaller ?? throw new InvalidOperationException("The Smartex gate did not run.");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<SmartexOperation>();
        if (operation is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        context.Request.Body = new MemoryStream(body, writable: false);
        var hasBody = HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method);
        var tokenText = hasBody ? BodyToken(body) : context.Request.Query["token"].FirstOrDefault();
        if (string.IsNullOrEmpty(tokenText))
        {
            tokenText = null;
        }

        var headers = context.Request.Headers;
        var signed = headers.ContainsKey("X-Identity") || headers.ContainsKey("X-Signature");
        var mustVerify = operation.Signing switch
        {
            SmartexSigning.Required => true,
            SmartexSigning.Optional => signed || tokenText is not null,
            _ => false,
        };
        string? sin = null;
        if (mustVerify)
        {
            sin = Verify(context, body);
        }

        if (hasBody && !IsJsonObject(body))
        {
            throw SmartexErrors.BadRequest("The request body must be a JSON object");
        }

        SmartexToken? token = null;
        string? resourceToken = null;
        if (operation.Facades.Count > 0 && (tokenText is not null || !operation.TokenOptional))
        {
            (token, resourceToken) = Authorize(operation, tokenText, sin!);
        }

        context.Items[CallerKey] = new SmartexCaller(sin, token, resourceToken, body);
        await next(context).ConfigureAwait(false);
    }

    /// <summary>Checks X-Identity/X-Signature over the request; returns the SIN of the signer.</summary>
    private string Verify(HttpContext context, byte[] body)
    {
        var identityHeader = context.Request.Headers["X-Identity"].ToString();
        var signatureHeader = context.Request.Headers["X-Signature"].ToString();
        if (identityHeader.Length == 0 || signatureHeader.Length == 0)
        {
            Reject();
            throw SmartexErrors.Unauthorized("This request must be signed: send X-Identity (the compressed public key) and X-Signature (the DER signature of the URL and body).");
        }

        var identity = SmartexCrypto.ParseIdentity(identityHeader);
        if (identity is null)
        {
            Reject();
            throw SmartexErrors.BadRequest("Invalid X-Identity: expected a compressed secp256k1 public key (66 hex characters starting with 02 or 03).");
        }

        var signature = SmartexCrypto.ParseDerSignature(signatureHeader);
        if (signature is null || !SignedUrls(context).Any(url => SmartexCrypto.Verify(identity, SmartexCrypto.MessageDigest(url, body), signature.Value)))
        {
            Reject();
            throw SmartexErrors.BadRequest("Invalid signature");
        }

        lock (store.Sync)
        {
            store.SignedRequests++;
        }

        return SmartexCrypto.Sin(identity);
    }

    /// <summary>The URLs a client may have signed for this request.</summary>
    private IEnumerable<string> SignedUrls(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            target = request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }

        var host = request.Host.Value ?? string.Empty;
        if ((request.IsHttps && host.EndsWith(":443", StringComparison.Ordinal)) || (!request.IsHttps && host.EndsWith(":80", StringComparison.Ordinal)))
        {
            host = host[..host.LastIndexOf(':')];
        }

        yield return request.Scheme + "://" + host + target;

        if (store.Options.PublicBaseUrl is { } publicBase
            && target.StartsWith(prefix.Value!, StringComparison.OrdinalIgnoreCase)
            && (target.Length == prefix.Value!.Length || target[prefix.Value.Length] is '/' or '?'))
        {
            yield return publicBase.AbsoluteUri.TrimEnd('/') + target[prefix.Value.Length..];
        }
    }

    private (SmartexToken? Token, string? ResourceToken) Authorize(SmartexOperation operation, string? tokenText, string sin)
    {
        if (tokenText is null)
        {
            throw SmartexErrors.Unauthorized("Missing token: this operation needs a " + string.Join(" or ", operation.Facades) + " facade token.");
        }

        lock (store.Sync)
        {
            if (!store.Tokens.TryGetValue(tokenText, out var token))
            {
                // deliverBill also takes the bill's own resource token (spec BillDeliveryRequest).
                if (operation.OperationId == "deliverBill" && store.Bills.Any(bill => bill.Token == tokenText))
                {
                    return (null, tokenText);
                }

                // Refunds take the invoice's own resource token (x-smartex-facade: resource); the endpoint checks
                // that it is the token of the invoice in the path.
                if (operation.Facades.Contains(SmartexOperation.Resource) && store.Invoices.Any(invoice => invoice.Token == tokenText))
                {
                    return (null, tokenText);
                }

                throw SmartexErrors.Unauthorized("Invalid token");
            }

            if (!string.Equals(token.Sin, sin, StringComparison.Ordinal))
            {
                throw SmartexErrors.Unauthorized("Invalid token: it is not paired with the identity that signed the request");
            }

            if (!token.Active)
            {
                throw SmartexErrors.Forbidden("This token is not active yet: approve its pairing code " + token.PairingCode + " at /api-access-request");
            }

            if (!operation.Facades.Contains(token.Facade))
            {
                throw SmartexErrors.Forbidden("This endpoint does not support the " + token.Facade + " facade (it needs " + string.Join(" or ", operation.Facades) + ")");
            }

            return (token, null);
        }
    }

    private void Reject()
    {
        lock (store.Sync)
        {
            store.RejectedSignatures++;
        }
    }

    private static string? BodyToken(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject json && json["token"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJsonObject(byte[] body)
    {
        try
        {
            return body.Length > 0 && JsonNode.Parse(body) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new SmartexErrorException(StatusCodes.Status413PayloadTooLarge, "The request body is too large");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
