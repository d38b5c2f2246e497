using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Tessera.Core.Auth;
using Tessera.Core.Clients;
using Tessera.Core.Pipeline;

namespace Tessera.SmartPay;

/// <summary>
/// What is specific to SmartPay on top of the shared runtime: the api_key → session token source, the handler that
/// writes the token into every body (and replays once when SmartPay rejects it), and the envelope handler that turns
/// <c>errors</c> inside HTTP 200 into exceptions.
/// </summary>
internal sealed class SmartPayClientRuntime(SmartPayClientOptions options, Func<SmartPayClient> tokenClient, ILoggerFactory? loggerFactory, IDistributedCache? distributedCache)
    : TokenClientRuntime<SmartPayClientOptions>("SmartPay", options, loggerFactory, distributedCache, "smartpay-tokens.json", options.ApiKey, options.WebhookKey)
{
    protected override TokenSource CreateTokenSource() => new SmartPayTokenSource(tokenClient, Options, Redactor);

    protected override void ConfigurePipeline(ClientPipelineBuilder pipeline) => pipeline
        .Add(PipelineStage.Authentication, new SessionTokenHandler(TokenProvider, CreateLogger("Authentication")))
        .Add(PipelineStage.ErrorEnvelope, new SmartPayEnvelopeHandler(CreateLogger(), Redactor, Options.OnWarnings));
}
