namespace Tessera.SmartPay;

/// <summary>The SmartPay client options are incomplete or invalid; the message names every problem and its configuration key.</summary>
public sealed class SmartPayConfigurationException : Tessera.Core.Clients.ClientConfigurationException
{
    /// <summary>Creates the exception.</summary>
    public SmartPayConfigurationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public SmartPayConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SmartPayConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
