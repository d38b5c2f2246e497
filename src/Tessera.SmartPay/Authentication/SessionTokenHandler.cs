using Tessera.Core.Auth;
using Tessera.Core.Http;
using Tessera.Core.Operations;
using Microsoft.Extensions.Logging;

namespace Tessera.SmartPay;

/// <summary>
/// Writes the cached session token into the body of every request whose operation takes it (its
/// <see cref="OperationDescriptor"/>: authentication <see cref="OperationAuthentication.InjectedToken"/>, the field
/// the spec tool took out of the signatures), as the body is serialized: no re-parsing or rewriting. When SmartPay
/// rejects the token (a token error code or message, even with HTTP 200, or HTTP 401), it drops the token,
/// authenticates again and replays the request once. The replay is safe for every operation: a request whose token
/// was rejected was not processed.
/// </summary>
internal sealed partial class SessionTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _provider;
    private readonly ILogger _logger;

    public SessionTokenHandler(IAccessTokenProvider provider, ILogger logger)
    {
        _provider = provider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = OperationDescriptor.Of(request);
        if (operation is not { Authentication: OperationAuthentication.InjectedToken } || operation.InjectedFieldIn(FieldLocation.Body) is not { } field)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        Inject(request, operation, field, token.Value);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized)
            {
                return response;
            }

            response.Dispose();
            LogTokenRejected(_logger, operation.OperationId, "HTTP 401");
        }
        catch (SmartPayApiException exception) when (exception.IsTokenError)
        {
            LogTokenRejected(_logger, operation.OperationId, string.Join(", ", exception.Errors.Keys));
        }

        await _provider.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
        var renewed = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        Inject(request, operation, field, renewed.Value);

        // The rejected request was not processed, so its replay cannot duplicate anything.
        ClientRequestOptions.ApproveResend(request);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Written when the body is serialized: no re-parsing or rewriting. A new content each time, because the first
    // attempt may have made the old one buffer its bytes.
    private static void Inject(HttpRequestMessage request, OperationDescriptor operation, InjectedField field, string token)
    {
        if (!ModelContent.TrySetField(request, field.Name, token))
        {
            throw new InvalidOperationException($"The SmartPay operation '{operation.OperationId}' carries its session token in the body, but the request has no generated body.");
        }
    }

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "SmartPay rejected the session token on {OperationId} ({Reason}); authenticating again and replaying once")]
    private static partial void LogTokenRejected(ILogger logger, string operationId, string reason);
}
