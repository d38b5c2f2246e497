using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tessera.Core.Auth;

namespace Tessera.Core.Caching;

/// <summary>
/// The JSON shape shared by the persistent token caches: <c>{"token": "...", "expiresAt": "..."}</c>.
/// </summary>
internal static class TokenCacheFormat
{
    private const string TokenProperty = "token";
    private const string ExpiresAtProperty = "expiresAt";

    // Cache keys name clients; hashing keeps them out of files and shared caches.
    public static string HashKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static void WriteEntry(Utf8JsonWriter writer, AccessToken token)
    {
        writer.WriteStartObject();
        writer.WriteString(TokenProperty, token.Value);
        writer.WriteString(ExpiresAtProperty, token.ExpiresAt.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    public static byte[] SerializeEntry(AccessToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteEntry(writer, token);
        }

        return buffer.ToArray();
    }

    public static AccessToken? ReadEntry(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty(TokenProperty, out var tokenElement)
            || tokenElement.ValueKind != JsonValueKind.String
            || !element.TryGetProperty(ExpiresAtProperty, out var expiresElement)
            || expiresElement.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var value = tokenElement.GetString();
        if (string.IsNullOrEmpty(value)
            || !DateTimeOffset.TryParseExact(
                expiresElement.GetString(),
                "O",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var expiresAt))
        {
            return null;
        }

        return new AccessToken(value, expiresAt);
    }

    public static AccessToken? DeserializeEntry(byte[] utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json);
            return ReadEntry(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
