using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Tessera.Core.Auth;
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
/// next to the cache file. On Unix the file is readable by its owner only.
/// </para>
/// <para>
/// A corrupt, truncated or undecryptable file is treated as empty and replaced on the next write.
/// </para>
/// </remarks>
public sealed class FileTokenCache : ITokenCache
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly byte[] Magic = "GRTC"u8.ToArray();
    private static readonly TimeSpan MaxLockBackoff = TimeSpan.FromMilliseconds(200);

    private readonly byte[]? _encryptionKey;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _lockTimeout;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

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
    }

    /// <summary>The full path of the cache file.</summary>
    public string FilePath { get; }

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
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            EnsureDirectory();
            using var fileLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            var entries = await ReadEntriesAsync(cancellationToken).ConfigureAwait(false);
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

    private void EnsureDirectory()
    {
        var directory = IOPath.GetDirectoryName(FilePath);
        if (string.IsNullOrEmpty(directory) || Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
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
            options.UnixCreateMode = OwnerOnlyFile;
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
        byte[] content;
        try
        {
            // Delete sharing lets a writer replace the file while it is being read (Windows).
            var stream = new FileStream(
                FilePath,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 1,
                useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                content = buffer.ToArray();
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Dictionary<string, AccessToken>(StringComparer.Ordinal);
        }

        return Deserialize(content);
    }

    private Dictionary<string, AccessToken> Deserialize(byte[] content)
    {
        var entries = new Dictionary<string, AccessToken>(StringComparer.Ordinal);
        var json = _encryptionKey is null ? PlainJson(content) : Decrypt(content, _encryptionKey);
        if (json is null)
        {
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
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
        catch (JsonException)
        {
            entries.Clear();
        }

        return entries;
    }

    private static byte[]? PlainJson(byte[] content) =>
        content.AsSpan().StartsWith(Magic) ? null : content;

    private static byte[]? Decrypt(byte[] content, byte[] key)
    {
        var headerLength = Magic.Length + 1;
        if (content.Length < headerLength + NonceSize + TagSize
            || !content.AsSpan().StartsWith(Magic)
            || content[Magic.Length] != FormatVersion)
        {
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
            return plaintext;
        }
        catch (CryptographicException)
        {
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

    private static byte[] Encrypt(byte[] plaintext, byte[] key)
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
            options.UnixCreateMode = OwnerOnlyFile;
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

            File.Move(tempPath, FilePath, overwrite: true);
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
