using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Http;

namespace Tessera.Core.Diagnostics;

/// <summary>
/// Records each request as a client span on <see cref="ClientDiagnostics.ActivitySource"/>, named
/// <c>{ApiName}.{OperationId}</c> with OpenTelemetry HTTP attributes. The URL is redacted.
/// </summary>
public sealed class TelemetryHandler : DelegatingHandler
{
    private readonly SecretRedactor _redactor;

    /// <summary>Creates the handler using <see cref="SecretRedactor.Shared"/>.</summary>
    public TelemetryHandler()
        : this(SecretRedactor.Shared)
    {
    }

    /// <summary>Creates the handler.</summary>
    /// <param name="redactor">Removes secrets from the recorded URL.</param>
    public TelemetryHandler(SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        _redactor = redactor;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ClientDiagnostics.ActivitySource.StartActivity(ActivityName(request), ActivityKind.Client);
        if (activity is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        activity.SetTag("http.request.method", request.Method.Method);
        if (request.RequestUri is { } uri)
        {
            activity.SetTag("url.full", _redactor.RedactUrl(uri));
            if (uri.IsAbsoluteUri)
            {
                activity.SetTag("server.address", uri.Host);
            }
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var statusCode = (int)response.StatusCode;
            activity.SetTag("http.response.status_code", statusCode);
            if (statusCode >= 400)
            {
                var errorType = statusCode.ToString(CultureInfo.InvariantCulture);
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            return response;
        }
        catch (Exception ex)
        {
            // The type only: exception messages can carry request data.
            var errorType = ex.GetType().FullName ?? ex.GetType().Name;
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            throw;
        }
    }

    private static string ActivityName(HttpRequestMessage request)
    {
        var apiName = ClientRequestOptions.GetApiName(request);
        var operationId = ClientRequestOptions.GetOperationId(request);
        return apiName is not null && operationId is not null
            ? $"{apiName}.{operationId}"
            : $"HTTP {request.Method.Method}";
    }
}
