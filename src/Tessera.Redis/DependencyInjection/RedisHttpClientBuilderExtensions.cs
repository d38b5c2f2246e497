using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Shares a Tessera client's budget and token with the application's other instances through Redis.</summary>
public static class RedisHttpClientBuilderExtensions
{
    /// <summary>
    /// Shares the budget, token and token acquisition of the client this builder belongs to (the builder that
    /// <c>AddPax8Client</c>, <c>AddSmartPayClient</c> or <c>AddSmartexClient</c> returned, for that registration name)
    /// through Redis. Options that set <see cref="ClientOptions.SharedState"/> themselves keep theirs.
    /// </summary>
    /// <param name="builder">The client's HTTP client builder.</param>
    /// <param name="configure">Sets <see cref="RedisSharedStateOptions"/> (at least the connection and <c>ExpectedInstances</c>).</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, Action<RedisSharedStateOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddKeyedSingleton<ISharedClientState>(builder.Name, (provider, _) =>
        {
            var options = new RedisSharedStateOptions();
            configure(options);
            return new RedisSharedState(options, provider.GetService<ILoggerFactory>());
        });
        return builder;
    }

    /// <summary>Shares the client's state through an existing <see cref="RedisSharedState"/> (one connection for several clients).</summary>
    /// <param name="builder">The client's HTTP client builder.</param>
    /// <param name="state">The shared state; the application disposes it.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, RedisSharedState state)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(state);
        builder.Services.AddKeyedSingleton<ISharedClientState>(builder.Name, state);
        return builder;
    }
}
