namespace Tessera.Core.Clients;

/// <summary>
/// A client's options cannot produce a working client (thrown at host start, at first use or by <c>Create()</c>,
/// never during a call). The message names every problem with its configuration key, for example
/// <c>Pax8:ClientId is required</c>; it never contains a secret.
/// </summary>
public sealed class ClientConfigurationException : InvalidOperationException
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

    /// <summary>Creates the exception for one API.</summary>
    /// <param name="apiName">The API (its configuration section), for example <c>Pax8</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ClientConfigurationException(string apiName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ApiName = apiName;
    }

    /// <summary>The API whose options are wrong (<c>Pax8</c>, <c>SmartPay</c>, <c>Smartex</c>), when known.</summary>
    public string? ApiName { get; }
}
