using Tessera.Core.Errors;

namespace Tessera.Pax8;

/// <summary>
/// The client-credentials handshake failed: Pax8 rejected the credentials (the token endpoint's status, headers and
/// body are on this exception) or answered without a token.
/// </summary>
public sealed class Pax8AuthenticationException : ApiException
{
    /// <summary>Creates the exception.</summary>
    public Pax8AuthenticationException()
        : base("The Pax8 client-credentials handshake failed.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    public Pax8AuthenticationException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    /// <param name="innerException">The cause.</param>
    public Pax8AuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the token endpoint's error response.</summary>
    /// <param name="message">What failed; never contains the secret.</param>
    /// <param name="response">The token endpoint's error.</param>
    public Pax8AuthenticationException(string message, Pax8ApiException response)
        : base(message, response?.StatusCode ?? 0, response?.Response, response?.Headers ?? new Dictionary<string, IEnumerable<string>>(), response)
    {
    }
}
