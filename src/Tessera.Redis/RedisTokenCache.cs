using Tessera.Core.Auth;

namespace Tessera.Redis;

/// <summary>
/// The shared token cache (a <c>DistributedTokenCache</c> over Microsoft.Extensions.Caching.StackExchangeRedis) that
/// answers at once while Redis is unreachable: nothing stored (the provider acquires and keeps the token in memory),
/// writes skipped. A slow Redis costs one operation timeout, then the whole outage is skipped.
/// </summary>
internal sealed class RedisTokenCache(RedisHealth health, ITokenCache inner) : ITokenCache
{
    public async ValueTask<AccessToken?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        if (health.TryGetDatabase() is null)
        {
            return null;
        }

        try
        {
            var token = await inner.GetAsync(key, cancellationToken).AsTask().WaitAsync(health.OperationTimeout, cancellationToken).ConfigureAwait(false);
            health.ReportSuccess();
            return token;
        }
        catch (Exception ex) when (RedisHealth.IsRedisFailure(ex))
        {
            health.ReportFailure(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, AccessToken token, CancellationToken cancellationToken = default) =>
        await RunAsync(() => inner.SetAsync(key, token, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        await RunAsync(() => inner.RemoveAsync(key, cancellationToken), cancellationToken).ConfigureAwait(false);

    private async Task RunAsync(Func<ValueTask> operation, CancellationToken cancellationToken)
    {
        if (health.TryGetDatabase() is null)
        {
            return;
        }

        try
        {
            await operation().AsTask().WaitAsync(health.OperationTimeout, cancellationToken).ConfigureAwait(false);
            health.ReportSuccess();
        }
        catch (Exception ex) when (RedisHealth.IsRedisFailure(ex))
        {
            health.ReportFailure(ex);
        }
    }
}
