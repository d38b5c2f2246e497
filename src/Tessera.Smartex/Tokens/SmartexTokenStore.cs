using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Tessera.Core.Diagnostics;
using Tessera.Core.Files;
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
/// "pendingApproval":false,"pairingExpiration":null}}}</c>. <c>version</c> is the JSON integer 1, <c>sin</c> a
/// string, each token entry an object whose <c>token</c> is a non-blank string, <c>createdAt</c> and
/// <c>pairingExpiration</c> ISO 8601 strings or null, <c>pendingApproval</c> a boolean or null. Tokens only work for
/// requests signed by the identity they were paired with, so the file records that identity's SIN.
/// </para>
/// <para>
/// Writes go to a temporary file created with mode 0600 in the same directory, which then replaces the store
/// (readers never see a partial file). The file is read once, when the store is created. Anything else than the
/// format above (not JSON, another or a non-integer <c>version</c>, a value of the wrong type, an unparsable date) is
/// a corrupt file: it is moved aside to <c>&lt;file&gt;.corrupt</c>. A file of another identity is moved aside to
/// <c>&lt;file&gt;.foreign-&lt;first 16 hex digits of the SHA-256 of its SIN&gt;</c>, in the same directory: no
/// path is ever built from the file's content. Both are logged at Warning (path and reason only) and the store starts
/// empty, so the client has to be paired again.
/// </para>
/// <para>
/// A store that someone else could have planted or read is refused rather than used: a symbolic link at the path, a
/// file that group or others can read or write, or a directory that group or others can write (mode checks on Unix
/// only). The refusal is logged at Warning once with the path and the fix (for example <c>chmod 600 '…'</c>), and
/// the store then lives in memory only for this process: the refused file is neither read nor overwritten, so tokens
/// paired meanwhile are lost when the process ends. Fix the file and restart to use it again.
/// </para>
/// <para>
/// Token values are registered with the redactors and never appear in logs, <see cref="object.ToString"/> or
/// exception messages.
/// </para>
/// </remarks>
public sealed partial class SmartexTokenStore
{
    private const int FormatVersion = 1;
    private const string What = "The Smartex token store";

    private readonly Dictionary<string, SmartexStoredToken> _tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly SecretRedactor? _redactor;
    private bool _refused;

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

    /// <summary>
    /// Whether <see cref="FilePath"/> was refused (a link, or readable by others; see the remarks) and the tokens are
    /// kept in memory only.
    /// </summary>
    public bool IsBypassed
    {
        get
        {
            lock (_gate)
            {
                return _refused;
            }
        }
    }

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
        if (FilePath is null)
        {
            return;
        }

        byte[]? content;
        try
        {
            content = PrivateFiles.ReadAllBytes(FilePath, What);
        }
        catch (InsecureFileException ex)
        {
            Refuse(ex);
            return;
        }
        catch (InvalidDataException ex)
        {
            var moved = MoveAside(".corrupt");
            SmartexTokenStoreLog.Corrupt(_logger, FilePath, moved, ex.Message);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The Smartex token store '{FilePath}' cannot be read ({ex.GetType().Name}).", ex);
        }

        if (content is null)
        {
            return;
        }

        string fileSin;
        List<SmartexStoredToken> tokens;
        try
        {
            (fileSin, tokens) = Parse(content);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidCastException or InvalidDataException or OverflowException or DecoderFallbackException)
        {
            // The reason is the exception type or a fixed description, never the file's text.
            var moved = MoveAside(".corrupt");
            SmartexTokenStoreLog.Corrupt(_logger, FilePath, moved, ex is InvalidDataException ? ex.Message : ex.GetType().Name);
            return;
        }

        if (!string.Equals(fileSin, Sin, StringComparison.Ordinal))
        {
            // Named after a hash of the SIN: the SIN comes from the file and could hold "../" or a separator.
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileSin)))[..16];
            var moved = MoveAside(".foreign-" + hash);
            SmartexTokenStoreLog.OtherIdentity(_logger, FilePath, SinPattern().IsMatch(fileSin) ? fileSin : "(not a valid SIN)", Sin, moved);
            return;
        }

        foreach (var token in tokens)
        {
            Register(token.Token);
            _tokens[token.Facade] = token;
        }
    }

    private static (string Sin, List<SmartexStoredToken> Tokens) Parse(byte[] content)
    {
        // Strict UTF-8: undecodable bytes are a corrupt file, not silently replaced characters.
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 16 };
        var root = JToken.ReadFrom(reader) as JObject ?? throw new InvalidDataException("not a JSON object");

        // Exactly the integer 1: no conversion, so 1.5, "1", 1e400 or a 40-digit number never reach int parsing.
        if (root["version"] is not JValue { Type: JTokenType.Integer, Value: long version } || version != FormatVersion)
        {
            throw new InvalidDataException("missing or unsupported version");
        }

        var sin = root["sin"] is JValue { Type: JTokenType.String, Value: string value } ? value : throw new InvalidDataException("missing or non-string sin");
        var tokens = new List<SmartexStoredToken>();
        switch (root["tokens"])
        {
            case null or { Type: JTokenType.Null }:
                break;
            case JObject entries:
                foreach (var entry in entries.Properties())
                {
                    var fields = entry.Value as JObject ?? throw new InvalidDataException("a token entry is not an object");
                    tokens.Add(new SmartexStoredToken(
                        entry.Name,
                        StringField(fields, "token") ?? throw new InvalidDataException("a token entry has no token"),
                        ParseDate(StringField(fields, "createdAt")),
                        fields["pendingApproval"] switch
                        {
                            null or { Type: JTokenType.Null } => false,
                            JValue { Type: JTokenType.Boolean, Value: bool pending } => pending,
                            _ => throw new InvalidDataException("a token entry's pendingApproval is not a boolean"),
                        },
                        ParseDate(StringField(fields, "pairingExpiration"))));
                }

                break;
            default:
                throw new InvalidDataException("tokens is not an object");
        }

        return (sin, tokens);
    }

    private static string? StringField(JObject fields, string name) => fields[name] switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String, Value: string text } => text,
        _ => throw new InvalidDataException($"a token entry's {name} is not a string"),
    };

    private static DateTimeOffset? ParseDate(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    // What a SIN looks like (base58, Smartex SINs are 35 characters); anything else is not repeated in logs.
    [GeneratedRegex("^[1-9A-HJ-NP-Za-km-z]{20,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SinPattern();

    private void Refuse(InsecureFileException refusal)
    {
        // Once: every later save of this store is skipped silently.
        if (!_refused)
        {
            _refused = true;
            SmartexTokenStoreLog.Refused(_logger, FilePath!, refusal.Message);
        }
    }

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
        if (FilePath is null || _refused)
        {
            return;
        }

        try
        {
            PrivateFiles.EnsureDirectory(FilePath, What);
            PrivateFiles.CheckReplaceable(FilePath, What);
        }
        catch (InsecureFileException ex)
        {
            Refuse(ex);
            return;
        }

        var directory = Path.GetDirectoryName(FilePath)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.OwnerOnlyFile;
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
        // Same directory, fixed suffix: the target is never derived from the file's content.
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

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The Smartex token store {Path} is not used: {Reason} Until this is fixed and the client restarted, paired tokens are kept in memory only and the file is left untouched.")]
    public static partial void Refused(ILogger logger, string path, string reason);
}
