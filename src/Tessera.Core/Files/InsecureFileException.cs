namespace Tessera.Core.Files;

/// <summary>
/// A private file (a key, a token cache or a token store) or its directory is refused because someone other than its
/// owner could read, replace or redirect it: the file is a symbolic link, the file can be read or written by group or
/// others, or the directory can be written by group or others. The message names the path and the command that fixes
/// it; it never contains the file's content.
/// </summary>
/// <remarks>
/// A refused key file surfaces as the inner exception of a <see cref="Clients.ClientConfigurationException"/>. A
/// refused token cache or token store is not thrown to callers: it is logged at Warning once and bypassed (see
/// <see cref="Caching.FileTokenCache"/>).
/// </remarks>
public sealed class InsecureFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    public InsecureFileException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public InsecureFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public InsecureFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one path.</summary>
    /// <param name="path">The refused file or directory.</param>
    /// <param name="message">What is wrong and how to fix it; names <paramref name="path"/>.</param>
    public InsecureFileException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The refused file or directory, when known.</summary>
    public string? Path { get; }
}
