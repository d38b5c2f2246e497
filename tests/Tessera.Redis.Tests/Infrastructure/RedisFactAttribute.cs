namespace Tessera.Redis.Tests.Infrastructure;

/// <summary>A fact that needs a real redis-server: skipped, with the reason, where it is not installed (xunit 2 has no dynamic skip).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Binary is null)
        {
            Skip = "redis-server is not installed (Debian: apt-get install redis-server); these tests run against a real Redis.";
        }
    }
}
