using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using Tessera.Core.Auth;

namespace Tessera.Redis;

/// <summary>
/// One instance at a time may acquire a shared token: <c>SET key owner NX PX timeout</c>, released by a
/// compare-and-delete so that a holder whose lock expired never releases its successor's.
/// </summary>
/// <remarks>
/// Waiters retry with a short backoff (20 ms doubling to 200 ms): the holder usually caches the token within a
/// round trip to the authorization server, and the next one in reads it instead of acquiring. A holder that died
/// loses the lock when it expires; a waiter gives up after the timeout and acquires on its own.
/// </remarks>
internal sealed class RedisTokenLock(RedisHealth health, string keyPrefix, TimeSpan timeout, TimeProvider timeProvider) : ITokenAcquisitionLock
{
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(200);

    public async ValueTask<IAsyncDisposable?> AcquireAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);

        // Cache keys name clients; the hash keeps them out of Redis.
        RedisKey lockKey = keyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        RedisValue owner = Guid.NewGuid().ToString("N");

        // The holder's lock expires after the timeout, so one more try after it normally succeeds.
        var giveUpAt = timeProvider.GetUtcNow() + timeout + MaxBackoff;
        var backoff = FirstBackoff;
        while (true)
        {
            if (health.TryGetDatabase() is not { } database)
            {
                return null;
            }

            try
            {
                if (await database.StringSetAsync(lockKey, owner, timeout, When.NotExists).WaitAsync(health.OperationTimeout, cancellationToken).ConfigureAwait(false))
                {
                    health.ReportSuccess();
                    return new Held(health, database, lockKey, owner);
                }

                health.ReportSuccess();
            }
            catch (Exception ex) when (RedisHealth.IsRedisFailure(ex))
            {
                health.ReportFailure(ex);
                return null;
            }

            if (timeProvider.GetUtcNow() >= giveUpAt)
            {
                return null;
            }

            await Task.Delay(backoff, timeProvider, cancellationToken).ConfigureAwait(false);
            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }
    }

    private sealed class Held(RedisHealth health, IDatabase database, RedisKey key, RedisValue owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await database.ScriptEvaluateAsync(ReleaseScript, [key], [owner]).WaitAsync(health.OperationTimeout).ConfigureAwait(false);
            }
            catch (Exception ex) when (RedisHealth.IsRedisFailure(ex))
            {
                // The lock expires on its own; the next instance waits at most the timeout.
                health.ReportFailure(ex);
            }
        }
    }
}
