using System.Globalization;
using Tessera.Core.Diagnostics;
using Tessera.Core.Http;
using Tessera.Core.Operations;

namespace Tessera.Core.Errors;

/// <summary>
/// A response body was larger than the client's <c>MaxResponseBytes</c> (counted after decompression), so it was not
/// read: at once when its <c>Content-Length</c> said so, otherwise as soon as the limit was crossed. The status and
/// headers are kept; <see cref="ApiException.Response"/> is empty. Not transient: the same request gets the same body.
/// If the API really sends this much, raise the limit.
/// </summary>
public sealed class ResponseTooLargeException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public ResponseTooLargeException()
        : base("The response body was larger than the configured limit.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ResponseTooLargeException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ResponseTooLargeException(HttpRequestMessage request, HttpResponseMessage response, long limit, string limitKey, Exception? innerException)
        : base(Describe(request, response, limit, limitKey), (int)response.StatusCode, null, ResponseHeaderMap.From(response), innerException)
    {
        Limit = limit;
        ContentLength = response.Content?.Headers.ContentLength;
    }

    /// <summary>The limit that was crossed, in bytes.</summary>
    public long Limit { get; }

    /// <summary>The body length the response declared (<c>Content-Length</c>), when it declared one.</summary>
    public long? ContentLength { get; }

    private static string Describe(HttpRequestMessage request, HttpResponseMessage response, long limit, string limitKey)
    {
        var operation = OperationDescriptor.Of(request);
        var name = operation is null ? $"HTTP {request.Method.Method}" : $"{operation.Api} {operation.OperationId} (HTTP {request.Method.Method})";
        var answered = response.RequestMessage?.RequestUri ?? request.RequestUri;
        var url = answered is null ? string.Empty : " " + SecretRedactor.Shared.RedactUrl(answered);
        var declared = response.Content?.Headers.ContentLength is { } length
            ? string.Create(CultureInfo.InvariantCulture, $"it declared {length:N0} bytes and was not read")
            : "reading stopped at the limit";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{name}{url}: the response body is larger than {limitKey} ({limit:N0} bytes, after decompression); {declared}. Raise {limitKey} if the API really sends this much.");
    }
}
