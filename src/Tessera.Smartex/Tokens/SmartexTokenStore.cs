using System.Globalization;
using System.Text;
using Tessera.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Smartex.Tokens;

/// <summary>
/// Keeps the facade tokens paired with one client identity, one per facade, in a JSON file beside the key.
/// </summary>
/// <remarks>
/// <para>
/// File format (version 1): <c>{"version":1,"sin":"T…","tokens":{"pos":{"token":"…","createdAt":"…",
/// "pendingApproval":false,"pairingExpiration":null}}}</c>. Tokens only work for requests signed by the identity they
/// were paired with, so the file records that identity's SIN.
/// </para>
/// <para>
/// Writes go to a temporary file created with mode 0600 in the same directory, which then replaces the store
/// (readers never see a partial file). The file is read once, when the store is created. A file that cannot be parsed
/// is moved aside to <c>&lt;file&gt;.corrupt</c>, a file of another identity to <c>&lt;file&gt;.&lt;its SIN&gt;</c>;
/// both are logged at Warning (path and reason only) and the store starts empty, so the client has to be paired
/// again. Token values are registered with the redactors and never appear in logs, <see cref="object.ToString"/> or
/// exception messages.
/// </para>
/// </remarks>
public sealed class SmartexTokenStore
{
    private const int FormatVersion = 1;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly Dictionary<string, SmartexStoredToken> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly SecretRedactor? _redactor;

    /// <summary>Creates a store and loads <paramref name="filePath"/> if it exists.</summary>
    /// <param name="filePath">The JSON file, or <see langword="null"/> for a store that lives in memory only.</param>
    /// <param name="sin">The SIN of the identity the tokens belong to.</param>
    /// <param name="logger">Where a discarded file is reported.</param>
    /// <param name="redactor">A redactor that also learns every token value (the shared redactor always does).</param>
    public SmartexTokenStore(string? filePath, string sin, ILogger? logger = null, SecretRedactor? redactor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sin);
        FilePath = filePath is null ? null : Path.GetFullPath(filePath);
        Sin = sin;
        _logger = logger ?? NullLogger.Instance;
        _redactor = redactor;
        Load();
    }

    /// <summary>The store file, or <see langword="null"/> for an in-memory store.</summary>
    public string? FilePath { get; }

    /// <summary>The SIN of the identity the tokens belong to.</summary>
    public string Sin { get; }

    /// <summary>The facades that have a token.</summary>
    public IReadOnlyCollection<string> Facades
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokens.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Looks up the token of a facade.</summary>
    /// <param name="facade">The facade, e.g. <c>pos</c>.</param>
    /// <returns>The token, or <see langword="null"/> when the facade is not paired.</returns>
    public SmartexStoredToken? Get(string facade)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(facade);
        lock (_gate)
        {
            return _tokens.GetValueOrDefault(facade);
        }
    }

    /// <summary>Stores (or replaces) the token of its facade and saves the file.</summary>
    /// <param name="token">The token.</param>
    public void Set(SmartexStoredToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Register(token.Token);
        lock (_gate)
        {
            _tokens[token.Facade] = token;
            Save();
        }
    }

    /// <summary>Forgets the token of a facade and saves the file.</summary>
    /// <param name="facade">The facade.</param>
    /// <returns>Whether a token was removed.</returns>
    public bool Remove(string facade)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(facade);
        lock (_gate)
        {
            if (!_tokens.Remove(facade))
            {
                return false;
            }

            Save();
            return true;
        }
    }

    /// <summary>Describes the store without token values.</summary>
    /// <returns>The path and the paired facades.</returns>
    public override string ToString() =>
        $"SmartexTokenStore {{ File = {FilePath ?? "(memory)"}, Sin = {Sin}, Facades = [{string.Join(", ", Facades)}] }}";

    /// <summary>Registers a secret (token, pairing code) with the shared redactor and this client's redactor.</summary>
    internal void Register(string token)
    {
        SecretRedactor.Shared.AddSecret(token);
        _redactor?.AddSecret(token);
    }

    private void Load()
    {
        if (FilePath is null || !File.Exists(FilePath))
        {
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(FilePath, Encoding.UTF8);
        }
        catch (IOException ex)
        {
            throw new IOException($"The Smartex token store '{FilePath}' cannot be read ({ex.GetType().Name}).", ex);
        }

        string? fileSin;
        List<SmartexStoredToken> tokens;
        try
        {
            (fileSin, tokens) = Parse(text);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidCastException or InvalidDataException)
        {
            var moved = MoveAside(".corrupt");
            SmartexTokenStoreLog.Corrupt(_logger, FilePath, moved, ex.GetType().Name);
            return;
        }

        if (!string.Equals(fileSin, Sin, StringComparison.Ordinal))
        {
            var moved = MoveAside("." + (fileSin ?? "unknown-identity"));
            SmartexTokenStoreLog.OtherIdentity(_logger, FilePath, fileSin ?? "(none)", Sin, moved);
            return;
        }

        foreach (var token in tokens)
        {
            Register(token.Token);
            _tokens[token.Facade] = token;
        }
    }

    private static (string? Sin, List<SmartexStoredToken> Tokens) Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 16 };
        var root = JToken.ReadFrom(reader) as JObject ?? throw new InvalidDataException("not a JSON object");
        if (root.Value<int?>("version") != FormatVersion)
        {
            throw new InvalidDataException("unsupported version");
        }

        var tokens = new List<SmartexStoredToken>();
        if (root["tokens"] is JObject entries)
        {
            foreach (var entry in entries.Properties())
            {
                var value = entry.Value as JObject ?? throw new InvalidDataException("a token entry is not an object");
                tokens.Add(new SmartexStoredToken(
                    entry.Name,
                    value.Value<string>("token") ?? throw new InvalidDataException("a token entry has no token"),
                    ParseDate(value.Value<string>("createdAt")),
                    value.Value<bool?>("pendingApproval") ?? false,
                    ParseDate(value.Value<string>("pairingExpiration"))));
            }
        }

        return (root.Value<string>("sin"), tokens);
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private string Serialize()
    {
        var tokens = new JObject();
        foreach (var (facade, token) in _tokens.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            tokens[facade] = new JObject
            {
                ["token"] = token.Token,
                ["createdAt"] = token.CreatedAt?.ToString("O", CultureInfo.InvariantCulture),
                ["pendingApproval"] = token.PendingApproval,
                ["pairingExpiration"] = token.PairingExpiration?.ToString("O", CultureInfo.InvariantCulture),
            };
        }

        return new JObject { ["version"] = FormatVersion, ["sin"] = Sin, ["tokens"] = tokens }.ToString(Formatting.Indented);
    }

    private void Save()
    {
        if (FilePath is null)
        {
            return;
        }

        var directory = Path.GetDirectoryName(FilePath)!;
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
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(Serialize()));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: the temporary file is private and named uniquely.
            }

            throw;
        }
    }

    private string MoveAside(string suffix)
    {
        var target = FilePath + suffix;
        try
        {
            File.Move(FilePath!, target, overwrite: true);
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cannot move it: the next save replaces it.
            return FilePath!;
        }
    }
}

/// <summary>Log messages of <see cref="SmartexTokenStore"/>: paths and reasons only, never token values.</summary>
internal static partial class SmartexTokenStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "The Smartex token store {Path} could not be read ({Reason}) and was moved to {MovedTo}; the client starts without tokens and must be paired again.")]
    public static partial void Corrupt(ILogger logger, string path, string movedTo, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The Smartex token store {Path} holds tokens of identity {FileSin}, not of {Sin} (was the key replaced?); it was moved to {MovedTo} and the client must be paired again.")]
    public static partial void OtherIdentity(ILogger logger, string path, string fileSin, string sin, string movedTo);
}
