using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Core.Pipeline;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Tokens;

namespace Tessera.Smartex;

/// <summary>
/// What is specific to Smartex on top of the shared runtime: the client identity (secp256k1 key), the paired facade
/// tokens, the IPN re-fetch budget, and the handlers that turn error envelopes into exceptions, attach the facade
/// token and sign the exact bytes sent.
/// </summary>
internal sealed class SmartexClientRuntime : ClientRuntime<SmartexClientOptions>
{
    public SmartexClientRuntime(SmartexClientOptions options, ILoggerFactory? loggerFactory)
        : base("Smartex", options, loggerFactory)
    {
        var logger = CreateLogger();
        Redactor.AddSensitiveName("pairingCode");
        Identity = options.Identity ?? SmartexIdentityFile.LoadOrCreate(options, logger);
        TokenStore = new SmartexTokenStore(
            options.Identity is not null && options.TokenStoreFile is null ? null : options.ResolveTokenStoreFile(),
            Identity.Sin,
            logger,
            Redactor);
        IpnRefetcher = new Ipn.SmartexIpnRefetcher(options.Ipn, options.TimeProvider);
    }

    public SmartexIdentity Identity { get; }

    public SmartexTokenStore TokenStore { get; }

    /// <summary>The re-fetch budget and coalescing every <see cref="Ipn.SmartexIpn"/> of this client shares.</summary>
    public Ipn.SmartexIpnRefetcher IpnRefetcher { get; }

    /// <summary>IPN confirmations are charged to their own budget (a rate-limit scope) even when the client has none.</summary>
    protected override bool UsesRateLimitScopes => true;

    /// <summary>
    /// The guid and facade token handlers run just before signing because they change the URL or body; the token handler also decides whether the
    /// request is signed at all; signing is last so the signature covers the exact URL and body bytes sent.
    /// </summary>
    protected override void ConfigurePipeline(ClientPipelineBuilder pipeline) => pipeline
        .Add(PipelineStage.ErrorEnvelope, new SmartexErrorEnvelopeHandler())
        .Add(PipelineStage.InjectedFields, new Tokens.SmartexRequestGuidHandler())
        .Add(PipelineStage.InjectedFields, new SmartexFacadeTokenHandler(TokenStore))
        .Add(PipelineStage.Signing, new SmartexSigningHandler(Identity));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            IpnRefetcher.Dispose();
        }

        base.Dispose(disposing);
    }
}
