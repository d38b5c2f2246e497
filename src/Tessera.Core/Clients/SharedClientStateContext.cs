using Microsoft.Extensions.Logging;

namespace Tessera.Core.Clients;

/// <summary>What an <see cref="ISharedClientState"/> is told about the client whose state it shares.</summary>
public sealed class SharedClientStateContext
{
    /// <summary>Describes a client; the runtime creates it (public for tests of an <see cref="ISharedClientState"/>).</summary>
    /// <param name="apiName">The API.</param>
    /// <param name="partitionKey">Identifies the credential, without revealing it.</param>
    /// <param name="requestsPerMinute">The budget for all processes together.</param>
    /// <param name="tokenCacheEncryptionKey">The AES key for shared token caches, or <see langword="null"/>.</param>
    /// <param name="timeProvider">The client's clock.</param>
    /// <param name="loggerFactory">Where the client logs.</param>
    public SharedClientStateContext(string apiName, string partitionKey, int requestsPerMinute, byte[]? tokenCacheEncryptionKey, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiName);
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ApiName = apiName;
        PartitionKey = partitionKey;
        RequestsPerMinute = requestsPerMinute;
        TokenCacheEncryptionKey = tokenCacheEncryptionKey;
        TimeProvider = timeProvider;
        LoggerFactory = loggerFactory;
    }

    /// <summary>The API, for example <c>Pax8</c>.</summary>
    public string ApiName { get; }

    /// <summary>
    /// Identifies the credential: the same in every process configured with the same API, base URL and secrets,
    /// different for another partner. A SHA-256 in hex, so it can name shared keys without revealing the credential.
    /// </summary>
    public string PartitionKey { get; }

    /// <summary>The configured client-side budget (<see cref="ClientOptions.RequestsPerMinute"/>), for all processes together.</summary>
    public int RequestsPerMinute { get; }

    /// <summary>The AES key from <see cref="TokenClientOptions.TokenCacheEncryptionKey"/>, or <see langword="null"/>; shared token caches encrypt with it.</summary>
    public byte[]? TokenCacheEncryptionKey { get; }

    /// <summary>The client's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Where the client logs.</summary>
    public ILoggerFactory LoggerFactory { get; }
}
