using Microsoft.Extensions.Logging;

namespace Tessera.Core.Caching;

/// <summary>
/// Options for <see cref="FileTokenCache"/>.
/// </summary>
public sealed class FileTokenCacheOptions
{
    /// <summary>
    /// The cache file. Required. A leading <c>~</c> is expanded to the user's home directory.
    /// </summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// An optional AES-GCM key of 16, 24 or 32 bytes. When set, the file is encrypted; a file that cannot be
    /// decrypted with this key is logged, treated as empty and replaced on the next write.
    /// </summary>
#pragma warning disable CA1819 // A key is naturally a byte array; the cache copies it on construction.
    public byte[]? EncryptionKey { get; set; }
#pragma warning restore CA1819

    /// <summary>The clock used to drop expired entries. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long to wait for another process to release the cache file. Defaults to ten seconds.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Where a refused file (a link, a file others can read, a directory others can write) and a discarded damaged
    /// file are reported, at Warning, with the path and the reason only. Defaults to no logging.
    /// </summary>
    public ILogger? Logger { get; set; }
}
