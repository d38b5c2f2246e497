using Tessera.Core.Auth;
using Tessera.Core.Caching;

namespace Tessera.Core.Clients;

/// <summary>The options of a client that obtains tokens (an access token, a session token) and caches them.</summary>
public abstract class TokenClientOptions : ClientOptions
{
    /// <inheritdoc />
    protected TokenClientOptions(Uri baseUrl, int requestsPerMinute)
        : base(baseUrl, requestsPerMinute)
    {
    }

    /// <summary>Where tokens are cached. Default <see cref="TokenCacheKind.Memory"/>.</summary>
    public TokenCacheKind TokenCache { get; set; } = TokenCacheKind.Memory;

    /// <summary>The cache file for <see cref="TokenCacheKind.File"/>; a leading <c>~</c> is the user profile. Default under <c>~/.tessera/</c>.</summary>
    public string? TokenCacheFile { get; set; }

    /// <summary>Base64 AES key (16, 24 or 32 bytes) that encrypts the file or distributed cache with AES-GCM. Secret.</summary>
    public string? TokenCacheEncryptionKey { get; set; }

    /// <summary>A cache instance to use instead of <see cref="TokenCache"/> (for example one shared by several clients). Not bindable.</summary>
    public ITokenCache? TokenCacheInstance { get; set; }

    /// <summary>
    /// How long before its expiry a token is renewed. Default five minutes; capped per token at a tenth of its lifetime
    /// so that short-lived tokens are still used.
    /// </summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        base.Validate(problems);
        if (RefreshMargin < TimeSpan.Zero)
        {
            problems.Add($"{Key(nameof(RefreshMargin))} must not be negative");
        }

        if (!Enum.IsDefined(TokenCache))
        {
            problems.Add($"{Key(nameof(TokenCache))} must be Memory, File or Distributed");
        }

        if (TokenCacheEncryptionKey is not null)
        {
            try
            {
                var length = Convert.FromBase64String(TokenCacheEncryptionKey).Length;
                if (length is not (16 or 24 or 32))
                {
                    problems.Add($"{Key(nameof(TokenCacheEncryptionKey))} must decode to 16, 24 or 32 bytes (for example: openssl rand -base64 32)");
                }
            }
            catch (FormatException)
            {
                problems.Add($"{Key(nameof(TokenCacheEncryptionKey))} must be base64 (for example: openssl rand -base64 32)");
            }
        }
    }
}
