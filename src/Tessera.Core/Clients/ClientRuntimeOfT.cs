using Microsoft.Extensions.Logging;

namespace Tessera.Core.Clients;

/// <summary>A <see cref="ClientRuntime"/> whose options are the client's own type.</summary>
/// <typeparam name="TOptions">The client's options.</typeparam>
public abstract class ClientRuntime<TOptions> : ClientRuntime
    where TOptions : ClientOptions
{
    /// <inheritdoc cref="ClientRuntime(string, ClientOptions, ILoggerFactory?, string?[])" />
    protected ClientRuntime(string apiName, TOptions options, ILoggerFactory? loggerFactory, params string?[] configuredSecrets)
        : base(apiName, options, loggerFactory, configuredSecrets)
    {
    }

    /// <summary>The validated options.</summary>
    public new TOptions Options => (TOptions)base.Options;
}
