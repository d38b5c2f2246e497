namespace Tessera.Pax8;

/// <summary>The client-credentials handshake failed: Pax8 rejected the credentials or answered without a token.</summary>
public sealed class Pax8AuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public Pax8AuthenticationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    public Pax8AuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    /// <param name="innerException">The token endpoint's error response.</param>
    public Pax8AuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
