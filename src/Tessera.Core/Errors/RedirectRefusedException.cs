using System.Globalization;
using Tessera.Core.Diagnostics;
using Tessera.Core.Http;
using Tessera.Core.Operations;

namespace Tessera.Core.Errors;

/// <summary>
/// The server answered with a redirect (301, 302, 303, 307, 308), which the clients never follow: every request they
/// send carries credentials (a client secret, a bearer or session token, an api_key, a signed body), and following a
/// redirect would hand them to wherever <see cref="Location"/> points. A redirect from these APIs means the configured
/// base address is outdated or wrong (http instead of https, a moved host): check <see cref="Location"/> and, if you
/// trust it, configure it as the base address. See docs/errors.md.
/// </summary>
public sealed class RedirectRefusedException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public RedirectRefusedException()
        : base("A redirect was not followed.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public RedirectRefusedException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RedirectRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal RedirectRefusedException(HttpRequestMessage request, HttpResponseMessage response, string? body)
        : base(Describe(request, response), (int)response.StatusCode, body, ResponseHeaderMap.From(response), null)
    {
        Location = Target(request, response);
    }

    /// <summary>Where the server wanted the request to go (resolved against the request's URL), if it said.</summary>
    public Uri? Location { get; }

    /// <summary>Whether <paramref name="status"/> is a redirect the transport would follow.</summary>
    /// <param name="status">An HTTP status code.</param>
    /// <returns><see langword="true"/> for 301, 302, 303, 307 and 308.</returns>
    internal static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static Uri? Target(HttpRequestMessage request, HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null || location.IsAbsoluteUri)
        {
            return location;
        }

        var from = response.RequestMessage?.RequestUri ?? request.RequestUri;
        return from is null ? location : new Uri(from, location);
    }

    private static string Describe(HttpRequestMessage request, HttpResponseMessage response)
    {
        var operation = OperationDescriptor.Of(request);
        var name = operation is null ? $"HTTP {request.Method.Method}" : $"{operation.Api} {operation.OperationId} (HTTP {request.Method.Method})";
        var answered = response.RequestMessage?.RequestUri ?? request.RequestUri;
        var host = answered is null ? "The server" : SecretRedactor.Shared.RedactUrl(answered);
        var target = Target(request, response);
        var to = target is null ? "without a Location" : "to " + SecretRedactor.Shared.RedactUrl(target);
        var sameOrigin = target is not null && answered is not null && Uri.Compare(target, answered, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {host} redirected {to} ({(int)response.StatusCode}); the client does not follow redirects{(sameOrigin ? string.Empty : " to another origin")}, because the request carries credentials. If the new address is right, configure it as the base address.");
    }
}
