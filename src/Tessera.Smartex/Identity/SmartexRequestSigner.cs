using System.Text;

namespace Tessera.Smartex.Identity;

/// <summary>
/// Builds and signs the Smartex request message: the UTF-8 bytes of the full URL followed by the exact body bytes
/// sent. There is no separator, method, nonce or timestamp.
/// </summary>
/// <remarks>
/// The URL is <c>scheme://host[:port]/path[?query]</c> as it goes on the wire: the port appears only when it is not
/// the scheme's default (so <c>https://smartex.io:443/x</c> signs as <c>https://smartex.io/x</c>, matching the PHP,
/// Python and C clients; a non-default port, e.g. a local sandbox, is kept, as PHP's <c>Customnet</c> and BitPay's
/// server middleware, which rebuilds the URL from the <c>Host</c> header, do). The query string is part of the
/// signed URL; the fragment never is. The body is the empty string for a request without content.
/// </remarks>
public static class SmartexRequestSigner
{
    /// <summary>The URL part of the signed message, e.g. <c>https://smartex.io/invoices/abc?token=t</c>.</summary>
    /// <param name="requestUri">The absolute request URI.</param>
    /// <returns>Scheme, host, non-default port, path and query, escaped as sent.</returns>
    /// <exception cref="ArgumentException">The URI is relative.</exception>
    public static string GetSignedUrl(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        if (!requestUri.IsAbsoluteUri)
        {
            throw new ArgumentException("Smartex signs the absolute request URL; set HttpClient.BaseAddress or use an absolute URI.", nameof(requestUri));
        }

        // HttpRequestUrl = Scheme | Host | Port | Path | Query; Port is omitted when it is the scheme's default.
        return requestUri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
    }

    /// <summary>The exact bytes that are signed: UTF-8(<see cref="GetSignedUrl"/>) followed by <paramref name="body"/>.</summary>
    /// <param name="requestUri">The absolute request URI.</param>
    /// <param name="body">The exact body bytes sent (empty for GET/DELETE).</param>
    /// <returns>The message bytes.</returns>
    public static byte[] BuildMessage(Uri requestUri, ReadOnlySpan<byte> body)
    {
        var url = GetSignedUrl(requestUri);
        var message = new byte[Encoding.UTF8.GetByteCount(url) + body.Length];
        var written = Encoding.UTF8.GetBytes(url, message);
        body.CopyTo(message.AsSpan(written));
        return message;
    }

    /// <summary>Signs a request and returns its <c>X-Identity</c> and <c>X-Signature</c> values.</summary>
    /// <param name="identity">The client identity.</param>
    /// <param name="requestUri">The absolute request URI, including the query string.</param>
    /// <param name="body">The exact body bytes sent (empty for GET/DELETE).</param>
    /// <returns>The header values.</returns>
    public static SmartexRequestSignature Sign(SmartexIdentity identity, Uri requestUri, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new SmartexRequestSignature(identity.PublicKeyHex, identity.Sign(BuildMessage(requestUri, body)));
    }

    /// <summary>Signs a request whose body is the UTF-8 text <paramref name="body"/>.</summary>
    /// <param name="identity">The client identity.</param>
    /// <param name="requestUri">The absolute request URI, including the query string.</param>
    /// <param name="body">The JSON text sent, or <see langword="null"/>/empty for no body.</param>
    /// <returns>The header values.</returns>
    public static SmartexRequestSignature Sign(SmartexIdentity identity, Uri requestUri, string? body) =>
        Sign(identity, requestUri, string.IsNullOrEmpty(body) ? [] : Encoding.UTF8.GetBytes(body));

    /// <summary>Verifies the headers of a received request (what the sandbox or a server does).</summary>
    /// <param name="requestUri">The absolute request URI as received.</param>
    /// <param name="body">The raw body bytes received.</param>
    /// <param name="identityHeader">The <c>X-Identity</c> value.</param>
    /// <param name="signatureHeader">The <c>X-Signature</c> value.</param>
    /// <returns><see langword="true"/> when the signature matches URL + body for that public key.</returns>
    public static bool Verify(Uri requestUri, ReadOnlySpan<byte> body, string identityHeader, string signatureHeader) =>
        SmartexSignature.Verify(identityHeader, BuildMessage(requestUri, body), signatureHeader);
}
