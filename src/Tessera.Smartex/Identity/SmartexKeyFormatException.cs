namespace Tessera.Smartex.Identity;

/// <summary>
/// A key file or PEM text is corrupt or not a supported secp256k1 private key. The message names the problem and
/// the file, never key material.
/// </summary>
public sealed class SmartexKeyFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public SmartexKeyFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the key.</param>
    public SmartexKeyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the key.</param>
    /// <param name="innerException">The parser error.</param>
    public SmartexKeyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
