using Tessera.Core.Errors;

namespace Tessera.SmartPay;

/// <summary>
/// The api_key handshake failed: SmartPay rejected the api_key (for example <c>1001</c> Invalid key, with HTTP 200;
/// the <c>authenticate</c> response's status, headers and body are on this exception) or answered without a token.
/// The message names the codes and messages, never the api_key.
/// </summary>
public sealed class SmartPayAuthenticationException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public SmartPayAuthenticationException()
        : base("The SmartPay api_key handshake failed.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    public SmartPayAuthenticationException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    /// <param name="innerException">The cause.</param>
    public SmartPayAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the <c>authenticate</c> error response.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    /// <param name="response">The <c>authenticate</c> error.</param>
    public SmartPayAuthenticationException(string message, SmartPayApiException response)
        : base(message, response?.StatusCode ?? 0, response?.Response, response?.Headers ?? new Dictionary<string, IEnumerable<string>>(), response)
    {
    }

    /// <summary>The error codes and messages of the <c>authenticate</c> response (empty when it had none).</summary>
    public IReadOnlyDictionary<string, string> Errors =>
        InnerException is SmartPayApiException api ? api.Errors : SmartPayErrorMaps.Empty;
}
