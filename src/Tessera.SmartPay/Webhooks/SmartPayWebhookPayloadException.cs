namespace Tessera.SmartPay;

/// <summary>A correctly signed webhook notification whose body is not a JSON object: reject it (HTTP 400).</summary>
public sealed class SmartPayWebhookPayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmartPayWebhookPayloadException()
        : this("The SmartPay webhook body is not a JSON object.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public SmartPayWebhookPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser's error.</param>
    public SmartPayWebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
