namespace Tessera.Pax8;

/// <summary>The Pax8 client options are incomplete or invalid.</summary>
public sealed class Pax8ConfigurationException : InvalidOperationException
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
