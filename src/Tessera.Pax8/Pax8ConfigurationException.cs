using Tessera.Core.Clients;

namespace Tessera.Pax8;

/// <summary>The Pax8 client options are incomplete or invalid; the message names every problem and its configuration key.</summary>
public sealed class Pax8ConfigurationException : ClientConfigurationException
{
    /// <summary>Creates the exception.</summary>
    public Pax8ConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public Pax8ConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Pax8ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
