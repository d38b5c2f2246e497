using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Diagnostics;

/// <summary>
/// Removes secrets from text before it reaches logs, traces or exception messages.
/// </summary>
/// <remarks>
/// Two mechanisms work together: sensitive names (headers, JSON properties, query and form fields) whose values are
/// always replaced, and registered secret values (client secrets, API keys, tokens) that are scrubbed wherever they
/// appear. Names are compared case-insensitively and ignoring <c>_</c> and <c>-</c>, so <c>client_secret</c>,
/// <c>clientSecret</c> and <c>Client-Secret</c> are the same name. Thread-safe.
/// </remarks>
public sealed partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Placeholder = "***";

    private const int MinimumSecretLength = 4;
    private const int MaxJsonDepth = 128;

    private static readonly string[] DefaultSensitiveHeaders =
    [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-signature", "x-identity", "x-api-key",
        "x-smartpay-hmac-sha256",
    ];

    private static readonly string[] DefaultSensitiveNames =
    [
        "client_secret", "access_token", "token", "api_key", "password", "secret", "pairing_code", "signature",
        "private_key", "refresh_token", "id_token", "authorization", "hmac",
    ];

    // Families of sensitive names (compared normalized: lower case, no '_', '-' or spaces), so that session_token,
    // webhook_key, private_key_hex, passphrase, x-api-key or client_assertion are caught without listing each one.
    private static readonly string[] SensitiveSuffixes = ["token"];

    private static readonly string[] SensitiveFragments =
    [
        "secret", "password", "passphrase", "passwd", "assertion", "signature", "hmac", "credential", "authorization",
        "cookie", "pairingcode", "apikey", "privatekey", "webhookkey", "signingkey", "accesskey", "encryptionkey",
        "sessionkey",
    ];

    private readonly ConcurrentDictionary<string, byte> _sensitiveHeaders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sensitiveNames = new(StringComparer.Ordinal);
    private readonly SecretSet _secrets;

    /// <summary>Creates a redactor that knows the default sensitive header and field names.</summary>
    public SecretRedactor()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a redactor whose expiring secrets follow <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock secret lifetimes are measured with.</param>
    /// <param name="capacity">
    /// The most secrets kept at once (default <see cref="DefaultCapacity"/>); beyond it the expiring secret closest to
    /// its expiry is dropped first. Secrets registered without a lifetime are never dropped.
    /// </param>
    public SecretRedactor(TimeProvider timeProvider, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _secrets = new SecretSet(timeProvider, capacity);
        foreach (var header in DefaultSensitiveHeaders)
        {
            _sensitiveHeaders.TryAdd(NormalizeName(header), 0);
        }

        foreach (var name in DefaultSensitiveNames)
        {
            _sensitiveNames.TryAdd(NormalizeName(name), 0);
        }
    }

    /// <summary>
    /// The process-wide redactor of exception messages (which are built where no client is at hand). Every client
    /// registers its configured secrets here for its lifetime and each token until shortly after it expires, so it
    /// holds only live secrets, whatever the number ever issued.
    /// </summary>
    public static SecretRedactor Shared { get; } = new();

    /// <summary>How many secret values are registered and live (their encoded forms not counted).</summary>
    public int SecretCount => _secrets.Count;

    /// <summary>
    /// Registers a secret value (a configured client secret or API key) to scrub wherever it appears, until
    /// <see cref="RemoveSecret"/>. Values shorter than four characters are ignored because scrubbing them would mangle
    /// ordinary text.
    /// </summary>
    /// <param name="value">The secret.</param>
    public void AddSecret(string? value)
    {
        if (value is not null && value.Length >= MinimumSecretLength)
        {
            _secrets.Add(value, expiresAt: null);
        }
    }

    /// <summary>
    /// Registers a secret that stops mattering after <paramref name="lifetime"/> (an access or session token): it is
    /// scrubbed until then plus <see cref="ExpiryGrace"/> and then forgotten, so the cost of redaction never grows with
    /// the number of tokens a long-running process has been issued. Registering it again extends its lifetime.
    /// </summary>
    /// <param name="value">The secret.</param>
    /// <param name="lifetime">How long from now it is valid.</param>
    public void AddSecret(string? value, TimeSpan lifetime)
    {
        if (value is not null && value.Length >= MinimumSecretLength)
        {
            var grace = lifetime < TimeSpan.Zero ? ExpiryGrace : lifetime + ExpiryGrace;
            _secrets.Add(value, _secrets.Clock.GetUtcNow() + grace);
        }
    }

    /// <summary>Forgets a secret registered with <see cref="AddSecret(string?)"/> (for example when its client is disposed).</summary>
    /// <param name="value">The secret.</param>
    public void RemoveSecret(string? value)
    {
        if (value is not null)
        {
            _secrets.Remove(value);
        }
    }

    /// <summary>The default <c>capacity</c>: more live secrets than any process of these clients holds.</summary>
    public const int DefaultCapacity = 1024;

    /// <summary>How long after its expiry a token is still scrubbed (a late log line, a slow response that echoes it).</summary>
    public static readonly TimeSpan ExpiryGrace = TimeSpan.FromMinutes(15);

    /// <summary>Registers an additional sensitive field, query parameter or header name.</summary>
    /// <param name="name">The name, in any casing or separator style.</param>
    public void AddSensitiveName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var normalized = NormalizeName(name);
        _sensitiveNames.TryAdd(normalized, 0);
        _sensitiveHeaders.TryAdd(normalized, 0);
    }

    /// <summary>Whether <paramref name="name"/> is sensitive by the default names and families alone (no instance needed).</summary>
    /// <param name="name">A field, parameter or header name.</param>
    /// <returns><see langword="true"/> for names such as <c>token</c>, <c>client_secret</c> or <c>pairingCode</c>.</returns>
    public static bool IsSensitiveByDefault(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var normalized = NormalizeName(name);
        return DefaultSensitiveNames.Any(n => NormalizeName(n) == normalized) || IsSensitiveFamily(normalized);
    }

    /// <summary>Whether values of the field or parameter <paramref name="name"/> are redacted.</summary>
    /// <param name="name">The field name.</param>
    /// <returns><see langword="true"/> for sensitive names.</returns>
    public bool IsSensitiveName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var normalized = NormalizeName(name);
        return _sensitiveNames.ContainsKey(normalized) || IsSensitiveFamily(normalized);
    }

    private static bool IsSensitiveFamily(string normalized)
    {
        foreach (var suffix in SensitiveSuffixes)
        {
            if (normalized.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var fragment in SensitiveFragments)
        {
            if (normalized.Contains(fragment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether values of the header <paramref name="name"/> are redacted.</summary>
    /// <param name="name">The header name.</param>
    /// <returns><see langword="true"/> for sensitive headers.</returns>
    public bool IsSensitiveHeader(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var normalized = NormalizeName(name);
        return _sensitiveHeaders.ContainsKey(normalized) || _sensitiveNames.ContainsKey(normalized) || IsSensitiveFamily(normalized);
    }

    /// <summary>Scrubs every registered secret value from <paramref name="text"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The text with secrets replaced by <see cref="Placeholder"/>.</returns>
    /// <remarks>One vectorized search over the text for all secrets at once: the cost follows the text's length, not the number of secrets.</remarks>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        return _secrets.Current().Replace(text, Placeholder);
    }

    /// <summary>Renders <paramref name="uri"/> with sensitive query values, user info and registered secrets redacted.</summary>
    /// <param name="uri">The URL.</param>
    /// <returns>The redacted URL text.</returns>
    public string RedactUrl(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;

        var queryStart = text.IndexOf('?', StringComparison.Ordinal);
        if (queryStart >= 0)
        {
            var fragmentStart = text.IndexOf('#', queryStart);
            var queryEnd = fragmentStart >= 0 ? fragmentStart : text.Length;
            var query = text[(queryStart + 1)..queryEnd];
            text = string.Concat(text.AsSpan(0, queryStart + 1), RedactFormFields(query), text.AsSpan(queryEnd));
        }

        if (uri.IsAbsoluteUri && !string.IsNullOrEmpty(uri.UserInfo))
        {
            text = text.Replace(uri.UserInfo + "@", Placeholder + "@", StringComparison.Ordinal);
        }

        return Redact(text);
    }

    /// <summary>Redacts a header value: sensitive headers are replaced entirely, others are scrubbed of secrets.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <returns>The value safe to log.</returns>
    public string RedactHeader(string name, string value) =>
        IsSensitiveHeader(name) ? Placeholder : Redact(value ?? string.Empty);

    /// <summary>
    /// Redacts a request or response body. JSON keeps its structure with the values of sensitive properties replaced
    /// at any depth; form bodies have the values of sensitive fields replaced; anything else, including invalid JSON,
    /// has <c>name: value</c> and <c>name=value</c> pairs with sensitive names replaced. Registered secrets are always
    /// scrubbed.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <param name="mediaType">The media type, for example <c>application/json</c>, when known.</param>
    /// <returns>The body safe to log.</returns>
    public string RedactBody(string body, string? mediaType)
    {
        if (string.IsNullOrEmpty(body))
        {
            return body ?? string.Empty;
        }

        if (IsFormMediaType(mediaType))
        {
            return Redact(RedactFormFields(body));
        }

        if (IsJsonMediaType(mediaType) || (mediaType is null && LooksLikeJson(body)))
        {
            if (TryRedactJson(body) is { } redactedJson)
            {
                return Redact(redactedJson);
            }
        }

        return Redact(RedactNameValuePairs(body));
    }

    private static string NormalizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            if (character is not ('_' or '-') && !char.IsWhiteSpace(character))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return builder.ToString();
    }

    private static bool IsJsonMediaType(string? mediaType) =>
        mediaType is not null
        && (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static bool IsFormMediaType(string? mediaType) =>
        mediaType is not null
        && mediaType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeJson(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[';
    }

    private string? TryRedactJson(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(body))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = MaxJsonDepth,
            };
            var root = JToken.ReadFrom(reader);

            // Trailing content means this was not one JSON document; treat it as text.
            if (reader.Read())
            {
                return null;
            }

            RedactJsonToken(root);
            return root.ToString(Formatting.None);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void RedactJsonToken(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    if (IsSensitiveName(property.Name) && property.Value.Type != JTokenType.Null)
                    {
                        property.Value = Placeholder;
                    }
                    else
                    {
                        RedactJsonToken(property.Value);
                    }
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    RedactJsonToken(item);
                }

                break;
        }
    }

    private string RedactFormFields(string form)
    {
        if (form.Length == 0)
        {
            return form;
        }

        var fields = form.Split('&');
        for (var i = 0; i < fields.Length; i++)
        {
            var separator = fields[i].IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var name = fields[i][..separator];
            string decodedName;
            try
            {
                decodedName = Uri.UnescapeDataString(name.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                decodedName = name;
            }

            if (IsSensitiveName(decodedName))
            {
                fields[i] = name + "=" + Placeholder;
            }
        }

        return string.Join('&', fields);
    }

    private string RedactNameValuePairs(string text)
    {
        text = XmlElementPattern().Replace(
            text,
            match => IsSensitiveName(match.Groups["name"].Value)
                ? match.Groups["open"].Value + Placeholder + match.Groups["close"].Value
                : match.Value);

        // Quoted JSON-like pairs next (also matches strings cut off by truncation).
        text = QuotedPairPattern().Replace(
            text,
            match => IsSensitiveName(match.Groups["name"].Value)
                ? match.Groups["prefix"].Value + Placeholder + (match.Groups["close"].Success ? "\"" : string.Empty)
                : match.Value);

        // Then unquoted name=value and name: value pairs. Only the name and separator are matched, so a pair whose
        // value starts with another pair ("error: client_secret=...") still lets the inner pair be found.
        StringBuilder? builder = null;
        var copied = 0;
        foreach (Match match in NameSeparatorPattern().Matches(text))
        {
            var valueStart = match.Index + match.Length;
            if (match.Index < copied
                || !IsSensitiveName(match.Groups["name"].Value)
                || text.AsSpan(valueStart).StartsWith(Placeholder, StringComparison.Ordinal))
            {
                continue;
            }

            if (valueStart < text.Length && text[valueStart] is '"' or '\'')
            {
                // A quoted value: replace everything up to the closing quote (or the end, if cut off).
                var quote = text[valueStart];
                var closing = text.IndexOf(quote, valueStart + 1);
                var quotedEnd = closing < 0 ? text.Length : closing;
                if (quotedEnd > valueStart + 1 && !text.AsSpan(valueStart + 1).StartsWith(Placeholder, StringComparison.Ordinal))
                {
                    builder ??= new StringBuilder(text.Length);
                    builder.Append(text, copied, valueStart + 1 - copied).Append(Placeholder);
                    copied = quotedEnd;
                }

                continue;
            }

            var valueEnd = valueStart;
            var scheme = AuthorizationSchemePattern().Match(text, valueStart);
            if (scheme.Success && scheme.Index == valueStart)
            {
                valueEnd += scheme.Length;
            }

            while (valueEnd < text.Length && !IsValueTerminator(text[valueEnd]))
            {
                valueEnd++;
            }

            if (valueEnd == valueStart)
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, valueStart - copied).Append(Placeholder);
            copied = valueEnd;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsValueTerminator(char character) =>
        char.IsWhiteSpace(character) || character is '&' or ',' or ';' or '"' or '\'' or '}' or ']' or ')' or '<';

    [GeneratedRegex("""(?<prefix>"(?<name>[A-Za-z0-9_\-]{1,100})"\s*:\s*")(?:[^"\\]|\\.)*(?<close>")?""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPairPattern();

    [GeneratedRegex("""(?<![A-Za-z0-9_\-])(?<name>[A-Za-z0-9_\-]{1,100})"?\s*[=:]\s*""", RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparatorPattern();

    [GeneratedRegex(@"(?<open><(?<name>[A-Za-z0-9_\-]{1,100})(?:\s[^<>]*)?>)(?<value>[^<]+)(?<close></\k<name>\s*>)", RegexOptions.CultureInvariant)]
    private static partial Regex XmlElementPattern();

    [GeneratedRegex(@"(?:bearer|basic|token)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationSchemePattern();
}
