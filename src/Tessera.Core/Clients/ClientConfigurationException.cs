namespace Tessera.Core.Clients;

/// <summary>A client's options cannot produce a working client. The message names every problem and its configuration key.</summary>
public class ClientConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ClientConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ClientConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ClientConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
