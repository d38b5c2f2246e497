using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Tessera.Core.Auth;
using Tessera.Core.Clients;
using Tessera.Core.Pipeline;
using Tessera.Pax8.Authentication;

namespace Tessera.Pax8;

/// <summary>
/// What is specific to Pax8 on top of the shared runtime: the client-credentials token source and the two handlers
/// that route the token request to the token URL and put the bearer token on every other request.
/// </summary>
internal sealed class Pax8ClientRuntime(Pax8ClientOptions options, Func<Pax8Client> tokenClient, ILoggerFactory? loggerFactory, IDistributedCache? distributedCache)
    : TokenClientRuntime<Pax8ClientOptions>("Pax8", options, loggerFactory, distributedCache, "pax8-tokens.json", options.ClientSecret)
{
    protected override TokenSource CreateTokenSource() => new Pax8TokenSource(tokenClient, Options);

    protected override void ConfigurePipeline(ClientPipelineBuilder pipeline) => pipeline
        .Add(PipelineStage.Routing, new TokenEndpointHandler(Options.EffectiveTokenUrl))
        .Add(PipelineStage.Authentication, new BearerTokenHandler(TokenProvider));
}
