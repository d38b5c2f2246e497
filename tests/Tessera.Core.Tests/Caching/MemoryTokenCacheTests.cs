using Tessera.Core.Auth;
using Tessera.Core.Caching;

namespace Tessera.Core.Tests.Caching;

public class MemoryTokenCacheTests
{
    [Fact]
    public async Task Stores_replaces_and_removes_tokens_per_key()
    {
        var cache = new MemoryTokenCache();
        var expiry = DateTimeOffset.UtcNow.AddHours(1);

        await cache.SetAsync("a", new AccessToken("one", expiry));
        await cache.SetAsync("a", new AccessToken("two", expiry));
        await cache.SetAsync("b", new AccessToken("three", expiry));
        (await cache.GetAsync("a"))!.Value.ShouldBe("two");

        await cache.RemoveAsync("a");

        (await cache.GetAsync("a")).ShouldBeNull();
        (await cache.GetAsync("b"))!.Value.ShouldBe("three");
    }
}
