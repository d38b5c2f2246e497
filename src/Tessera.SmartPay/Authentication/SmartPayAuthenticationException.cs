namespace Tessera.SmartPay;

/// <summary>
/// The api_key handshake failed: SmartPay rejected the api_key (for example <c>1001</c> Invalid key, with HTTP 200)
/// or answered without a token. The message names the codes and messages, never the api_key.
/// </summary>
public sealed class SmartPayAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmartPayAuthenticationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    public SmartPayAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    /// <param name="innerException">The <c>authenticate</c> error response.</param>
    public SmartPayAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error codes and messages of the <c>authenticate</c> response (empty when it had none).</summary>
    public IReadOnlyDictionary<string, string> Errors =>
        InnerException is SmartPayApiException api ? api.Errors : SmartPayErrorMaps.Empty;
}
