using Tessera.Core.Operations;

namespace Tessera.Core.Http;

/// <summary>
/// Per-request facts the runtime handlers read: the operation (from its <see cref="OperationDescriptor"/>, which the
/// generated clients attach to every request) and two flags a caller or a handler may set on one request.
/// </summary>
public static class ClientRequestOptions
{
    /// <summary>
    /// Marks a non-idempotent request (POST, PATCH) as safe to resend, for example because it carries an
    /// idempotency key. Operations the spec marks <c>x-safe-to-retry</c> are safe without it.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("Tessera.SafeToRetry");

    /// <summary>Sends this request without credentials or a signature (Smartex's public variant of an operation).</summary>
    public static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new("Tessera.SkipAuthentication");

    /// <summary>Whether <see cref="SafeToRetry"/> is set to <see langword="true"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when the request may be resent regardless of its method.</returns>
    public static bool IsSafeToRetry(HttpRequestMessage request) =>
        GetFlag(request, SafeToRetry) || OperationDescriptor.Of(request)?.SafeToRetry == true;

    /// <summary>Whether <see cref="SkipAuthentication"/> is set to <see langword="true"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when no credentials should be attached.</returns>
    public static bool ShouldSkipAuthentication(HttpRequestMessage request) => GetFlag(request, SkipAuthentication);

    /// <summary>The operation id of the request's descriptor.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation id, or <see langword="null"/> for a request no generated client made.</returns>
    public static string? GetOperationId(HttpRequestMessage request) => OperationDescriptor.Of(request)?.OperationId;

    /// <summary>The API of the request's descriptor.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The API name, or <see langword="null"/> for a request no generated client made.</returns>
    public static string? GetApiName(HttpRequestMessage request) => OperationDescriptor.Of(request)?.Api;

    /// <summary>Sets <see cref="SafeToRetry"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="safeToRetry">Whether the request may be resent.</param>
    public static void SetSafeToRetry(HttpRequestMessage request, bool safeToRetry = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(SafeToRetry, safeToRetry);
    }

    /// <summary>Sets <see cref="SkipAuthentication"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="skip">Whether credentials should be omitted.</param>
    public static void SetSkipAuthentication(HttpRequestMessage request, bool skip = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(SkipAuthentication, skip);
    }

    /// <summary>
    /// Allows the request to be sent once more although its method is not idempotent: for a handler that knows the
    /// previous attempt was not processed (the credential it carried was rejected with HTTP 401, or the API said the
    /// session token was invalid). Without it the runtime refuses any second send of a POST or PATCH that is not
    /// marked safe, whoever tries it (see <see cref="Errors.ResendRefusedException"/>).
    /// </summary>
    /// <param name="request">The request about to be replayed.</param>
    public static void ApproveResend(HttpRequestMessage request) => RequestState.Of(request).ApprovedResends++;

    private static bool GetFlag(HttpRequestMessage request, HttpRequestOptionsKey<bool> key)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(key, out var value) && value;
    }

}
