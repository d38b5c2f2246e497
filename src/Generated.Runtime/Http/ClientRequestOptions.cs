namespace Generated.Runtime.Http;

/// <summary>
/// Per-request options the generated clients set on <see cref="HttpRequestMessage.Options"/> and the runtime
/// handlers read.
/// </summary>
public static class ClientRequestOptions
{
    /// <summary>The OpenAPI operation id of the request, for example <c>findCompanies</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> OperationId = new("Generated.OperationId");

    /// <summary>The name of the API the request belongs to, for example <c>Pax8</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> ApiName = new("Generated.ApiName");

    /// <summary>
    /// Marks a non-idempotent request (POST, PATCH) as safe to resend, for example because it carries an
    /// idempotency key.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRetry = new("Generated.SafeToRetry");

    /// <summary>Sends the request without credentials, for example the token request itself.</summary>
    public static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new("Generated.SkipAuthentication");

    /// <summary>Whether <see cref="SafeToRetry"/> is set to <see langword="true"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when the request may be resent regardless of its method.</returns>
    public static bool IsSafeToRetry(HttpRequestMessage request) => GetFlag(request, SafeToRetry);

    /// <summary>Whether <see cref="SkipAuthentication"/> is set to <see langword="true"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when no credentials should be attached.</returns>
    public static bool ShouldSkipAuthentication(HttpRequestMessage request) => GetFlag(request, SkipAuthentication);

    /// <summary>Reads <see cref="OperationId"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The operation id, or <see langword="null"/>.</returns>
    public static string? GetOperationId(HttpRequestMessage request) => GetString(request, OperationId);

    /// <summary>Reads <see cref="ApiName"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The API name, or <see langword="null"/>.</returns>
    public static string? GetApiName(HttpRequestMessage request) => GetString(request, ApiName);

    /// <summary>Sets <see cref="ApiName"/> and <see cref="OperationId"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="apiName">The API name.</param>
    /// <param name="operationId">The operation id.</param>
    public static void SetOperation(HttpRequestMessage request, string apiName, string operationId)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(ApiName, apiName);
        request.Options.Set(OperationId, operationId);
    }

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

    private static bool GetFlag(HttpRequestMessage request, HttpRequestOptionsKey<bool> key)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(key, out var value) && value;
    }

    private static string? GetString(HttpRequestMessage request, HttpRequestOptionsKey<string> key)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;
    }
}
