namespace Tessera.Smartex;

/// <summary>The Smartex client options are incomplete or invalid, or the key file cannot be used.</summary>
public sealed class SmartexConfigurationException : Tessera.Core.Clients.ClientConfigurationException
{
    /// <summary>Creates the exception.</summary>
    public SmartexConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public SmartexConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SmartexConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
