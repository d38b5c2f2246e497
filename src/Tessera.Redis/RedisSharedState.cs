using System.Threading.RateLimiting;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Tessera.Core.Auth;
using Tessera.Core.Caching;
using Tessera.Core.Clients;

namespace Tessera.Redis;

/// <summary>
/// Shares each credential's request budget, token and token acquisition among the instances of an application
/// through Redis. Set it as <see cref="ClientOptions.SharedState"/> (for <c>Create()</c>), or call <c>UseRedis</c> on
/// the builder that <c>AddPax8Client</c> (and its siblings) return.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Budget: a sliding window in Redis, charged by every instance, of the client's <c>RequestsPerMinute</c>.</item>
/// <item>Tokens: a <see cref="DistributedTokenCache"/> over Microsoft.Extensions.Caching.StackExchangeRedis,
/// AES-GCM encrypted with the client's <c>TokenCacheEncryptionKey</c> when set; one instance acquires per expiry
/// (a <c>SET NX PX</c> lock), the others read its token.</item>
/// <item>Redis unreachable: no call fails and none waits for Redis beyond <see cref="RedisSharedStateOptions.OperationTimeout"/>;
/// tokens stay in memory, the budget becomes this instance's share; logged once; sharing resumes when Redis is back.</item>
/// </list>
/// The connection is opened in the background (a client is never blocked by a slow connect) and reconnects on its own.
/// </remarks>
public sealed class RedisSharedState : ISharedClientState, IDisposable
{
    private readonly RedisSharedStateOptions _options;
    private readonly Task<IConnectionMultiplexer> _connection;
    private readonly bool _ownsConnection;
    private readonly RedisCache _cache;
    private readonly RedisHealth _health;

    /// <summary>Starts connecting to Redis (in the background).</summary>
    /// <param name="options">Where Redis is and how to behave without it; validated here.</param>
    /// <param name="loggerFactory">Where the outage and recovery are logged (<c>Tessera.Redis</c>); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RedisSharedState(RedisSharedStateOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        if (options.Connection is { } connection)
        {
            _connection = Task.FromResult(connection);
        }
        else
        {
            var configuration = options.ConfigurationOptions?.Clone() ?? ConfigurationOptions.Parse(options.Configuration!);

            // A call must never wait for Redis: no failed first connect, no commands queued while reconnecting.
            configuration.AbortOnConnectFail = false;
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            _connection = ConnectAsync(configuration);
            _ownsConnection = true;
        }

        _health = new RedisHealth(
            _connection,
            options.OperationTimeout,
            options.RetryInterval,
            options.ExpectedInstances,
            TimeProvider.System,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Tessera.Redis"));
        _cache = new RedisCache(new RedisCacheOptions { ConnectionMultiplexerFactory = () => _connection });
    }

    /// <summary>Whether the last thing learned about Redis was a failure (clients are on local state).</summary>
    public bool IsDegraded => _health.IsDown;

    /// <summary>Whether the connection is open (tests wait for it instead of sleeping).</summary>
    internal bool IsConnected => _connection.IsCompletedSuccessfully && _connection.Result.IsConnected;

    /// <inheritdoc />
    public RateLimiter CreateRateLimiter(SharedClientStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var share = Math.Max(1, context.RequestsPerMinute / _options.ExpectedInstances);
        return new RedisRateLimiter(_health, Key(context, "budget"), context.RequestsPerMinute, share, context.TimeProvider);
    }

    /// <inheritdoc />
    public ITokenCache CreateTokenCache(SharedClientStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = _options.KeyPrefix + "token:";
        var inner = context.TokenCacheEncryptionKey is { } key
            ? new DistributedTokenCache(_cache, key, prefix, context.TimeProvider)
            : new DistributedTokenCache(_cache, prefix, context.TimeProvider);
        return new RedisTokenCache(_health, inner);
    }

    /// <inheritdoc />
    public ITokenAcquisitionLock? CreateTokenLock(SharedClientStateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new RedisTokenLock(_health, _options.KeyPrefix + "token-lock:", _options.TokenLockTimeout, context.TimeProvider);
    }

    /// <summary>Closes the connection this instance opened (not one passed in <see cref="RedisSharedStateOptions.Connection"/>).</summary>
    public void Dispose()
    {
        _cache.Dispose();
        if (_ownsConnection && _connection.IsCompletedSuccessfully)
        {
            _connection.Result.Dispose();
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration) =>
        await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);

    private string Key(SharedClientStateContext context, string kind) =>
        $"{_options.KeyPrefix}{kind}:{context.ApiName.ToUpperInvariant()}:{context.PartitionKey}";
}
