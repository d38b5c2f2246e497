namespace Tessera.Pax8.Webhooks;

/// <summary>An authorized webhook delivery whose body is not a <see cref="WebhookPayload"/>: reject it (HTTP 400).</summary>
public sealed class Pax8WebhookPayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public Pax8WebhookPayloadException()
        : this("The Pax8 webhook body is not a WebhookPayload JSON object.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public Pax8WebhookPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parser's error.</param>
    public Pax8WebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
