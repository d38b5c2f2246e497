using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Core.Auth;
using Tessera.Core.Files;
using IOPath = System.IO.Path;

namespace Tessera.Core.Caching;

/// <summary>
/// Keeps tokens in a file so that separate processes (for example repeated CLI invocations) reuse them.
/// </summary>
/// <remarks>
/// <para>
/// The file holds every entry of the cache as one JSON object keyed by the SHA-256 of the cache key, optionally
/// encrypted with AES-GCM. Writes go to a private temporary file that then replaces the cache file, so readers
/// never see a partial file; read-modify-write cycles are serialized across processes by an exclusive lock file
/// next to the cache file. On Unix the file is created readable by its owner only (0600) and a missing directory is
/// created private (0700).
/// </para>
/// <para>
/// A corrupt, truncated or undecryptable file is logged at Warning (path and reason, never content), treated as empty
/// and replaced on the next write.
/// </para>
/// <para>
/// A file that could be planted or read by someone else is refused: a symbolic link at the cache path (or at its lock
/// file), a cache file that group or others can read or write, or a directory that group or others can write (sticky
/// or not). A token cache is only a cache, so a refusal is not an error: it is logged at Warning once (path, reason
/// and the fix, for example <c>chmod 600 '…'</c>), and from then on this instance neither reads nor writes the file,
/// so a planted link is never followed and the refused file is never overwritten. Tokens are then acquired as if
/// there were no cache (the token provider still keeps them in memory). Mode checks apply on Unix only; the link
/// check applies everywhere.
/// </para>
/// <para>
/// .NET cannot open with <c>O_NOFOLLOW</c>, so a read checks that the path is not a link, opens it, checks the mode
/// of the opened handle and checks the path again. Swapping in a link between those steps needs write access to the
/// directory, which the directory rule leaves to the owner alone.
/// </para>
/// </remarks>
public sealed class FileTokenCache : ITokenCache
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string What = "The token cache file";

    private static readonly byte[] Magic = "GRTC"u8.ToArray();
    private static readonly TimeSpan MaxLockBackoff = TimeSpan.FromMilliseconds(200);

    private readonly byte[]? _encryptionKey;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lockTimeout;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ILogger _logger;
    private readonly Lock _reportGate = new();
    private InsecureFileException? _refusal;
    private string? _reportedDamage;

    /// <summary>Creates a cache backed by <see cref="FileTokenCacheOptions.Path"/>.</summary>
    /// <param name="options">The file, optional encryption key and clock.</param>
    /// <exception cref="ArgumentException">The path is missing or the key is not 16, 24 or 32 bytes long.</exception>
    public FileTokenCache(FileTokenCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new ArgumentException("FileTokenCacheOptions.Path is required.", nameof(options));
        }

        if (options.EncryptionKey is { Length: not (16 or 24 or 32) } key)
        {
            throw new ArgumentException(
                $"FileTokenCacheOptions.EncryptionKey must be 16, 24 or 32 bytes long (AES-128/192/256); got {key.Length} bytes.",
                nameof(options));
        }

        if (options.LockTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("FileTokenCacheOptions.LockTimeout must not be negative.", nameof(options));
        }

        FilePath = IOPath.GetFullPath(ExpandHome(options.Path));
        _lockPath = FilePath + ".lock";
        _encryptionKey = options.EncryptionKey?.ToArray();
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _lockTimeout = options.LockTimeout;
        _logger = options.Logger ?? NullLogger.Instance;
    }

    /// <summary>The full path of the cache file.</summary>
    public string FilePath { get; }

    /// <summary>Whether the file was refused (see the remarks) and this instance no longer uses it.</summary>
    public bool IsBypassed => Volatile.Read(ref _refusal) is not null;

    /// <inheritdoc />
    public async ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entries = await ReadEntriesAsync(cancellationToken).ConfigureAwait(false);
        return entries.TryGetValue(TokenCacheFormat.HashKey(key), out var token)
            && token.ExpiresAt > _timeProvider.GetUtcNow()
                ? token
                : null;
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(token);
        var hashedKey = TokenCacheFormat.HashKey(key);
        return UpdateAsync(entries => entries[hashedKey] = token, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hashedKey = TokenCacheFormat.HashKey(key);
        return UpdateAsync(entries => entries.Remove(hashedKey), cancellationToken);
    }

    private static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return path.Length == 1 ? home : IOPath.Combine(home, path[2..]);
        }

        return path;
    }

    private async ValueTask UpdateAsync(Action<Dictionary<string, AccessToken>> mutate, CancellationToken cancellationToken)
    {
        if (IsBypassed)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                PrivateFiles.EnsureDirectory(FilePath, What);
                PrivateFiles.CheckNotLink(_lockPath, "The token cache lock file");
            }
            catch (InsecureFileException ex)
            {
                Refuse(ex);
                return;
            }

            using var fileLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            var entries = await ReadEntriesAsync(cancellationToken).ConfigureAwait(false);
            if (IsBypassed)
            {
                return;
            }

            mutate(entries);

            var now = _timeProvider.GetUtcNow();
            foreach (var expired in entries.Where(entry => entry.Value.ExpiresAt <= now).Select(entry => entry.Key).ToList())
            {
                entries.Remove(expired);
            }

            await WriteAtomicallyAsync(Serialize(entries), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Refuse(InsecureFileException refusal)
    {
        // Logged once: every later call of this instance skips the file without a word.
        if (Interlocked.CompareExchange(ref _refusal, refusal, null) is null)
        {
            FileTokenCacheLog.Refused(_logger, FilePath, refusal.Message);
        }
    }

    private void ReportDamage(byte[] content, string reason)
    {
        // The same damaged file is read by the lookup and again by the write that replaces it: one warning is enough.
        var fingerprint = Convert.ToHexString(SHA256.HashData(content));
        lock (_reportGate)
        {
            if (string.Equals(fingerprint, _reportedDamage, StringComparison.Ordinal))
            {
                return;
            }

            _reportedDamage = fingerprint;
        }

        FileTokenCacheLog.Damaged(_logger, FilePath, reason);
    }

    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.OwnerOnlyFile;
        }

        // The lock file is deliberately never deleted: deleting it would let two processes lock different inodes.
        var started = Stopwatch.GetTimestamp();
        var backoff = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return new FileStream(_lockPath, options);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (Stopwatch.GetElapsedTime(started) >= _lockTimeout)
                {
                    throw new TimeoutException(
                        $"Timed out after {_lockTimeout.TotalSeconds:0.#} s waiting for the token cache lock file '{_lockPath}'.",
                        ex);
                }
            }

            // Lock contention is resolved in wall-clock time whatever clock the expiry checks use.
            await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            backoff = backoff * 2 < MaxLockBackoff ? backoff * 2 : MaxLockBackoff;
        }
    }

    private async Task<Dictionary<string, AccessToken>> ReadEntriesAsync(CancellationToken cancellationToken)
    {
        var empty = new Dictionary<string, AccessToken>(StringComparer.Ordinal);
        if (IsBypassed)
        {
            return empty;
        }

        byte[]? content;
        try
        {
            content = await PrivateFiles.ReadAllBytesAsync(FilePath, What, cancellationToken).ConfigureAwait(false);
        }
        catch (InsecureFileException ex)
        {
            Refuse(ex);
            return empty;
        }
        catch (InvalidDataException ex)
        {
            // Oversized: treated like any other damaged file, replaced on the next write.
            FileTokenCacheLog.Damaged(_logger, FilePath, ex.Message);
            return empty;
        }

        return content is null ? empty : Deserialize(content);
    }

    private Dictionary<string, AccessToken> Deserialize(byte[] content)
    {
        var entries = new Dictionary<string, AccessToken>(StringComparer.Ordinal);
        if (content.Length == 0)
        {
            // An empty file is what a crash between create and write leaves behind: nothing to report.
            return entries;
        }

        var failure = "the file is encrypted but no encryption key is configured";
        var json = _encryptionKey is null ? PlainJson(content) : Decrypt(content, _encryptionKey, out failure);
        if (json is null)
        {
            ReportDamage(content, failure);
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                ReportDamage(content, $"the file holds a JSON {document.RootElement.ValueKind}, not an object");
                return entries;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                // A damaged entry costs only itself; its valid neighbours are kept.
                if (TokenCacheFormat.ReadEntry(property.Value) is { } token)
                {
                    entries[property.Name] = token;
                }
            }
        }
        catch (JsonException ex)
        {
            // The position only, never the text around it.
            ReportDamage(content, $"the file is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
            entries.Clear();
        }

        return entries;
    }

    private static byte[]? PlainJson(byte[] content) =>
        content.AsSpan().StartsWith(Magic) ? null : content;

    // Also the format of DistributedTokenCache's encrypted entries.
    internal static byte[]? Decrypt(byte[] content, byte[] key, out string failure)
    {
        var headerLength = Magic.Length + 1;
        if (!content.AsSpan().StartsWith(Magic))
        {
            failure = "the file is not encrypted but an encryption key is configured (a plain file is not trusted)";
            return null;
        }

        if (content.Length < headerLength + NonceSize + TagSize)
        {
            failure = "the encrypted file is truncated";
            return null;
        }

        if (content[Magic.Length] != FormatVersion)
        {
            failure = $"the encrypted file has format version {content[Magic.Length]}, not {FormatVersion}";
            return null;
        }

        var header = content.AsSpan(0, headerLength);
        var nonce = content.AsSpan(headerLength, NonceSize);
        var tag = content.AsSpan(headerLength + NonceSize, TagSize);
        var ciphertext = content.AsSpan(headerLength + NonceSize + TagSize);
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, header);
            failure = string.Empty;
            return plaintext;
        }
        catch (CryptographicException)
        {
            failure = "the file does not decrypt with the configured key (tampered, truncated, or written with another key)";
            return null;
        }
    }

    private byte[] Serialize(Dictionary<string, AccessToken> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (hashedKey, token) in entries)
            {
                writer.WritePropertyName(hashedKey);
                TokenCacheFormat.WriteEntry(writer, token);
            }

            writer.WriteEndObject();
        }

        var json = buffer.ToArray();
        return _encryptionKey is null ? json : Encrypt(json, _encryptionKey);
    }

    internal static byte[] Encrypt(byte[] plaintext, byte[] key)
    {
        var headerLength = Magic.Length + 1;
        var output = new byte[headerLength + NonceSize + TagSize + plaintext.Length];
        Magic.CopyTo(output, 0);
        output[Magic.Length] = FormatVersion;
        var nonce = output.AsSpan(headerLength, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(
            nonce,
            plaintext,
            output.AsSpan(headerLength + NonceSize + TagSize),
            output.AsSpan(headerLength + NonceSize, TagSize),
            output.AsSpan(0, headerLength));
        return output;
    }

    private async Task WriteAtomicallyAsync(byte[] content, CancellationToken cancellationToken)
    {
        var directory = IOPath.GetDirectoryName(FilePath) ?? ".";
        var tempPath = IOPath.Combine(directory, $".{IOPath.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Created private from the start, so the token is never readable by others, not even briefly.
            options.UnixCreateMode = PrivateFiles.OwnerOnlyFile;
        }

        try
        {
            var stream = new FileStream(tempPath, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            // A link planted since the read would be replaced, not written through; it is still refused, so a planted
            // file is left for its owner to look at.
            PrivateFiles.CheckReplaceable(FilePath, What);
            File.Move(tempPath, FilePath, overwrite: true);
        }
        catch (InsecureFileException ex)
        {
            TryDelete(tempPath);
            Refuse(ex);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Log messages of <see cref="FileTokenCache"/>: paths and reasons only, never file content.</summary>
internal static partial class FileTokenCacheLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The token cache file {Path} is not used: {Reason} Until this is fixed, tokens are acquired without the file cache and the file is left untouched.")]
    public static partial void Refused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The token cache file {Path} is discarded: {Reason}; it is treated as empty and replaced on the next write.")]
    public static partial void Damaged(ILogger logger, string path, string reason);
}
