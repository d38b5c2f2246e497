using System.Threading.RateLimiting;
using Tessera.Core.Auth;

namespace Tessera.Core.Clients;

/// <summary>
/// State that the instances of an application share for one credential: the request budget, the cached token and the
/// right to acquire it. Set it on <see cref="ClientOptions.SharedState"/> (or register it keyed by the client's HTTP
/// client name, as <c>Tessera.Redis</c>'s <c>UseRedis</c> does); without it every process keeps its own.
/// </summary>
/// <remarks>
/// The runtime asks once per client, when it is created. An implementation must never make a call fail because its
/// store is unreachable: it falls back to state in this process and resumes sharing when the store is back.
/// </remarks>
public interface ISharedClientState
{
    /// <summary>The client's request budget, shared by every process using the same credential.</summary>
    /// <param name="context">The client: API, credential partition, <see cref="SharedClientStateContext.RequestsPerMinute"/>.</param>
    /// <returns>The limiter; the runtime owns and disposes it. Called only when the budget is on (more than 0 per minute).</returns>
    RateLimiter CreateRateLimiter(SharedClientStateContext context);

    /// <summary>Where the client's tokens are cached, shared by every process using the same credential.</summary>
    /// <param name="context">The client, with the configured token cache encryption key.</param>
    /// <returns>The cache. Called for token clients only, unless <see cref="TokenClientOptions.TokenCacheInstance"/> is set.</returns>
    ITokenCache CreateTokenCache(SharedClientStateContext context);

    /// <summary>The lock that lets one process at a time acquire a shared token.</summary>
    /// <param name="context">The client.</param>
    /// <returns>The lock, or <see langword="null"/> for none. Called for token clients only.</returns>
    ITokenAcquisitionLock? CreateTokenLock(SharedClientStateContext context);
}
