using Microsoft.Win32.SafeHandles;

namespace Tessera.Core.Files;

/// <summary>
/// The one place that decides whether a private file (a key, a token cache, a token store) may be read or replaced.
/// Used by <see cref="Caching.FileTokenCache"/>, the Smartex token store and the Smartex key file; public so that
/// every Tessera client package applies the same rules.
/// </summary>
/// <remarks>
/// <para>
/// Rules (mode checks on Unix only; the link check everywhere):
/// </para>
/// <list type="bullet">
/// <item>The file must not be a symbolic link: a link would let whoever planted it choose what is read (a token of
/// their choosing) or, on write, where it goes. Links are never followed and never written through.</item>
/// <item>The file must not be readable or writable by group or others (its mode must be 0600 or stricter).</item>
/// <item>The directory that holds the file must not be writable by group or others, sticky bit or not: in a sticky
/// directory such as <c>/tmp</c> others cannot replace our files, but they can plant the names we are about to use
/// (the file itself, its lock file) before we create them. A directory that is itself a link is allowed (home
/// directories and macOS <c>/var</c> are often links); what is checked is the directory it resolves to. Ancestors
/// further up are not checked.</item>
/// </list>
/// <para>
/// .NET cannot open a file with <c>O_NOFOLLOW</c>, so a read checks the path (<c>lstat</c>: not a link), opens it,
/// checks the opened handle (<c>fstat</c>: mode), then checks the path again (still not a link). Swapping the file
/// for a link between those steps needs write access to the directory, which the directory rule leaves to the owner
/// (and root) alone: the remaining window is only open to someone who could already replace the file. Writes go to a
/// new file created exclusively (<c>O_CREAT|O_EXCL</c>, which never follows a link) with mode 0600 and then renamed
/// over the path; a rename replaces a link instead of writing through it, and a link found at the path is refused
/// before the rename.
/// </para>
/// </remarks>
public static class PrivateFiles
{
    /// <summary>The mode of the files this library creates.</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The mode of the directories this library creates.</summary>
    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // A token file or key is a few kilobytes at most; a larger one is damaged (or planted to exhaust memory).
    private const int MaxLength = 4 * 1024 * 1024;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode GroupOrOthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Reads a private file after checking it and its directory.</summary>
    /// <param name="path">The full path.</param>
    /// <param name="what">What the file is, for messages, e.g. <c>The token cache file</c>.</param>
    /// <returns>The content, or <see langword="null"/> when the file (or its directory) does not exist.</returns>
    /// <exception cref="InsecureFileException">The file or its directory is refused.</exception>
    /// <exception cref="InvalidDataException">The file is larger than 4 MiB.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static byte[]? ReadAllBytes(string path, string what)
    {
        using var handle = OpenChecked(path, what, FileOptions.None);
        if (handle is null)
        {
            return null;
        }

        var buffer = new byte[CheckedLength(handle, path, what)];
        var read = 0;
        while (read < buffer.Length)
        {
            var count = RandomAccess.Read(handle, buffer.AsSpan(read), read);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>Reads a private file after checking it and its directory.</summary>
    /// <param name="path">The full path.</param>
    /// <param name="what">What the file is, for messages, e.g. <c>The token cache file</c>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The content, or <see langword="null"/> when the file (or its directory) does not exist.</returns>
    /// <exception cref="InsecureFileException">The file or its directory is refused.</exception>
    /// <exception cref="InvalidDataException">The file is larger than 4 MiB.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<byte[]?> ReadAllBytesAsync(string path, string what, CancellationToken cancellationToken)
    {
        using var handle = OpenChecked(path, what, FileOptions.Asynchronous);
        if (handle is null)
        {
            return null;
        }

        var buffer = new byte[CheckedLength(handle, path, what)];
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await RandomAccess.ReadAsync(handle, buffer.AsMemory(read), read, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>
    /// Makes sure the directory of a private file exists and is private enough: creates it (mode 0700 on Unix) when
    /// missing, checks it otherwise.
    /// </summary>
    /// <param name="path">The full path of the file (not of the directory).</param>
    /// <param name="what">What the file is, for messages.</param>
    /// <exception cref="InsecureFileException">The existing directory can be written by group or others.</exception>
    public static void EnsureDirectory(string path, string what)
    {
        var directory = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            }

            return;
        }

        CheckDirectory(directory, what);
    }

    /// <summary>
    /// Checks, just before a private file is created or replaced (by renaming a new file over it), that the path is
    /// not a link and its directory is private.
    /// </summary>
    /// <param name="path">The full path.</param>
    /// <param name="what">What the file is, for messages.</param>
    /// <exception cref="InsecureFileException">The path is a link or the directory is refused.</exception>
    public static void CheckReplaceable(string path, string what)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory && Directory.Exists(directory))
        {
            CheckDirectory(directory, what);
        }

        CheckNotLink(path, what);
    }

    /// <summary>Refuses a path that is a symbolic link (or junction), dangling or not.</summary>
    /// <param name="path">The full path.</param>
    /// <param name="what">What the file is, for messages.</param>
    /// <exception cref="InsecureFileException">The path is a link.</exception>
    public static void CheckNotLink(string path, string what)
    {
        // LinkTarget reads the link itself (readlink), so it sees a link whether or not its target exists.
        if (new FileInfo(path).LinkTarget is { } target)
        {
            throw new InsecureFileException(
                path,
                $"{what} '{path}' is a symbolic link (to '{target}'); links are never followed for private files. Remove the link (rm {Quote(path)}) and let the client create the file, or configure the real path.");
        }
    }

    // Quoted for a POSIX shell, so the fix command in a message can be pasted as it is.
    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static SafeFileHandle? OpenChecked(string path, string what, FileOptions options)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            if (!Directory.Exists(directory))
            {
                return null;
            }

            CheckDirectory(directory, what);
        }

        CheckNotLink(path, what);
        SafeFileHandle handle;
        try
        {
            // Delete sharing lets a writer replace the file while it is being read (Windows).
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, options);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // The mode of what was opened (fstat), not of what the path names now.
                var mode = File.GetUnixFileMode(handle);
                if ((mode & GroupOrOthers) != 0)
                {
                    throw new InsecureFileException(
                        path,
                        $"{what} '{path}' can be read or written by group or others (mode {Octal(mode)}); it holds secrets and must be private to its owner. Fix it with chmod 600 {Quote(path)}.");
                }
            }

            // The path could have been swapped for a link between the first check and the open.
            CheckNotLink(path, what);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static int CheckedLength(SafeFileHandle handle, string path, string what)
    {
        var length = RandomAccess.GetLength(handle);
        return length <= MaxLength
            ? (int)length
            : throw new InvalidDataException($"{what} '{path}' is too large: {length} bytes, more than the {MaxLength} bytes such a file can be.");
    }

    private static void CheckDirectory(string directory, string what)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Follows a link to the directory on purpose: the directory the file actually lives in is what matters.
        var mode = File.GetUnixFileMode(directory);
        if ((mode & GroupOrOthersWrite) != 0)
        {
            var sticky = (mode & UnixFileMode.StickyBit) != 0 ? " (even with the sticky bit, others can plant the names the client is about to create)" : string.Empty;
            throw new InsecureFileException(
                directory,
                $"The directory '{directory}' of {Lower(what)} can be written by group or others (mode {Octal(mode)}){sticky}. Keep private files in a private directory: chmod go-w {Quote(directory)}, or configure a path under a directory only you can write (the default ~/.tessera is created with mode 0700).");
        }
    }

    private static string Lower(string what) =>
        what.StartsWith("The ", StringComparison.Ordinal) ? "the " + what[4..] : what;

    private static string Octal(UnixFileMode mode) =>
        Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');
}
