namespace Tessera.SmartPay;

/// <summary>
/// A webhook notification's <c>X-SmartPay-Hmac-Sha256</c> signature is missing or does not match the body: reject it
/// (HTTP 401). The message never contains the key, the expected signature or the body.
/// </summary>
public sealed class SmartPayWebhookSignatureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmartPayWebhookSignatureException()
        : this("The SmartPay webhook signature is missing or invalid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong; never contains secrets.</param>
    public SmartPayWebhookSignatureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong; never contains secrets.</param>
    /// <param name="innerException">The cause.</param>
    public SmartPayWebhookSignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
