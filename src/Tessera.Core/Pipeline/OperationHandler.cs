using System.Diagnostics;
using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Tessera.Core.Clients;
using Tessera.Core.Diagnostics;
using Tessera.Core.Errors;
using Tessera.Core.Operations;

namespace Tessera.Core.Pipeline;

/// <summary>
/// Outermost, once per call: the operation's span (<c>{Api} {operationId}</c>, kind Internal, parent of one Client
/// span per attempt) and the one exception vocabulary. Whatever fails inside (a timeout strategy, an open circuit, the
/// transport, the rate limit) reaches the caller as an <see cref="ApiException"/>; the caller's own cancellation stays
/// an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class OperationHandler : DelegatingHandler
{
    private readonly ClientRuntime _runtime;

    public OperationHandler(ClientRuntime runtime)
    {
        _runtime = runtime;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = OperationDescriptor.Of(request);

        // The generated reading code finds this client's drift log on the response's request.
        request.Options.Set(Drift.DriftLog.RequestOption, _runtime.Drift);
        using var activity = operation is null || !ClientDiagnostics.ActivitySource.HasListeners()
            ? null
            : ClientDiagnostics.ActivitySource.StartActivity(operation.OperationSpanName, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("tessera.api", operation!.Api);
            activity.SetTag("tessera.operation_id", operation.OperationId);
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.template", operation.PathTemplate);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (activity is not null && (int)response.StatusCode >= 400)
            {
                var errorType = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }

            return response;
        }
        catch (Exception exception) when (Translate(request, exception, cancellationToken) is { } translated)
        {
            Fail(activity, translated);
            throw translated;
        }
        catch (Exception exception)
        {
            Fail(activity, exception);
            throw;
        }
    }

    private static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        // The type only: exception messages can carry request data.
        var errorType = exception.GetType().FullName ?? exception.GetType().Name;
        activity.SetTag("error.type", errorType);
        activity.SetStatus(ActivityStatusCode.Error, errorType);
    }

    private Exception? Translate(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ApiException:
                return null;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null; // the caller's own cancellation
            case TimeoutRejectedException timeout:
                return new ApiTimeoutException(Describe(request), timeout.Timeout, isTotalTimeout: timeout.Timeout == _runtime.Options.Resilience.TotalTimeout, timeout);
            case BrokenCircuitException broken:
                return new ApiCircuitOpenException(Describe(request), broken.RetryAfter, broken);
            case HttpRequestException transport:
                return new ApiConnectionException(Describe(request), transport);
            default:
                return null;
        }
    }

    private string Describe(HttpRequestMessage request)
    {
        var operation = OperationDescriptor.Of(request);
        var url = request.RequestUri is null ? string.Empty : " " + _runtime.Redactor.RedactUrl(request.RequestUri);
        return operation is null
            ? $"HTTP {request.Method.Method}{url}"
            : $"{operation.Api} {operation.OperationId} (HTTP {request.Method.Method}{url})";
    }
}
