using System.Text;
using Generated.Runtime.Auth;
using Generated.Runtime.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Generated.SmartPay;

/// <summary>
/// Puts the cached session token into the body of every request but <c>authenticate</c> (field <c>token</c>, added
/// or replaced, in a form-urlencoded or JSON body), on the request message itself. When SmartPay rejects the token
/// (a token error code or message, even with HTTP 200, or HTTP 401), it drops the token, authenticates again and
/// replays the request once. The replay is safe for every operation: a request whose token was rejected was not
/// processed.
/// </summary>
internal sealed partial class SessionTokenHandler : DelegatingHandler
{
    public const string AuthenticateOperationId = "authenticate";
    public const string TokenField = "token";

    private const string FormMediaType = "application/x-www-form-urlencoded";

    private readonly IAccessTokenProvider _provider;
    private readonly ILogger _logger;

    public SessionTokenHandler(IAccessTokenProvider provider, ILogger logger)
    {
        _provider = provider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operationId = ClientRequestOptions.GetOperationId(request);
        if (operationId == AuthenticateOperationId)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        await InjectAsync(request, token.Value, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized)
            {
                return response;
            }

            response.Dispose();
            LogTokenRejected(_logger, operationId ?? "request", "HTTP 401");
        }
        catch (SmartPayApiException exception) when (exception.IsTokenError)
        {
            LogTokenRejected(_logger, operationId ?? "request", string.Join(", ", exception.Errors.Keys));
        }

        await _provider.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
        var renewed = await _provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        await InjectAsync(request, renewed.Value, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces the <c>token</c> field of the request body.</summary>
    internal static async Task InjectAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        var content = request.Content;
        if (content is null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(FormField(TokenField, token)));
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(FormMediaType);
            return;
        }

        var mediaType = content.Headers.ContentType?.MediaType;
        var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string rewritten;
        if (string.Equals(mediaType, FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            rewritten = SetFormField(body, TokenField, token);
        }
        else if (mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            rewritten = SetJsonField(body, TokenField, token);
        }
        else
        {
            throw new InvalidOperationException(
                $"SmartPay requests carry the session token in a form-urlencoded or JSON body; cannot add it to a '{mediaType ?? "untyped"}' body.");
        }

        var replacement = new ByteArrayContent(Encoding.UTF8.GetBytes(rewritten));
        foreach (var header in content.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        request.Content = replacement;
        content.Dispose();
    }

    /// <summary>Puts <paramref name="name"/> first and removes any other occurrence; other fields keep their encoding.</summary>
    internal static string SetFormField(string body, string name, string value)
    {
        var fields = new List<string> { FormField(name, value) };
        foreach (var field in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = field.IndexOf('=', StringComparison.Ordinal);
            var fieldName = separator < 0 ? field : field[..separator];
            if (!string.Equals(Uri.UnescapeDataString(fieldName.Replace('+', ' ')), name, StringComparison.Ordinal))
            {
                fields.Add(field);
            }
        }

        return string.Join('&', fields);
    }

    private static string SetJsonField(string body, string name, string value)
    {
        JObject root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(string.IsNullOrWhiteSpace(body) ? "{}" : body))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            root = JObject.Load(reader);
        }
        catch (JsonReaderException exception)
        {
            throw new InvalidOperationException("The SmartPay request body is not a JSON object; cannot add the session token.", exception);
        }

        root[name] = value;
        return root.ToString(Formatting.None);
    }

    // The encoding FormUrlEncodedContent uses.
    private static string FormField(string name, string value) => Encode(name) + "=" + Encode(value);

    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "SmartPay rejected the session token on {OperationId} ({Reason}); authenticating again and replaying once")]
    private static partial void LogTokenRejected(ILogger logger, string operationId, string reason);
}
