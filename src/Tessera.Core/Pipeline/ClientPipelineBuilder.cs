using Microsoft.Extensions.Http.Resilience;
using Tessera.Core.Clients;
using Tessera.Core.Resilience;

namespace Tessera.Core.Pipeline;

/// <summary>
/// Assembles the handler chain of one client, in the one order every client shares. A client adds only its own
/// handlers, each at a named <see cref="PipelineStage"/>; the runtime's handlers and their positions are fixed here,
/// so the whole path of a request reads top to bottom in <see cref="Build"/>.
/// </summary>
/// <remarks>
/// Handler instances are created for every chain (IHttpClientFactory rotates chains); everything with state (token
/// provider, rate limiter, circuit breaker, redactor) lives in the <see cref="ClientRuntime"/> and is shared by all of
/// them.
/// </remarks>
public sealed class ClientPipelineBuilder
{
    private readonly ClientRuntime _runtime;
    private readonly Dictionary<PipelineStage, List<DelegatingHandler>> _stages = [];

    internal ClientPipelineBuilder(ClientRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>Adds a client's handler at <paramref name="stage"/>; handlers of one stage run in the order added.</summary>
    /// <param name="stage">Where the handler runs.</param>
    /// <param name="handler">A new handler instance (not shared with another chain).</param>
    /// <returns>This builder.</returns>
    public ClientPipelineBuilder Add(PipelineStage stage, DelegatingHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!Enum.IsDefined(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown pipeline stage.");
        }

        if (!_stages.TryGetValue(stage, out var handlers))
        {
            _stages[stage] = handlers = [];
        }

        handlers.Add(handler);
        return this;
    }

    /// <summary>The chain, outermost first.</summary>
    internal List<DelegatingHandler> Build()
    {
        var chain = new List<DelegatingHandler>(12);

        // Per call: one pass for the whole operation, retries and replays included.
        chain.Add(new OperationHandler(_runtime));          // operation span; every failure as an ApiException
        AddStage(chain, PipelineStage.Routing);
        AddStage(chain, PipelineStage.Authentication);
        AddStage(chain, PipelineStage.ErrorEnvelope);
        chain.Add(new ResilienceHandler(_runtime.ResiliencePipeline)); // total timeout, retry, circuit breaker, attempt timeout

        // Per attempt: one pass for every send.
        chain.Add(new AttemptHandler(_runtime));            // attempt span; one redacted log record
        if (_runtime.RateLimiter is not null || _runtime.UsesRateLimitScopes)
        {
            chain.Add(new RateLimitingHandler(_runtime.RateLimiter));
        }

        AddStage(chain, PipelineStage.InjectedFields);
        AddStage(chain, PipelineStage.Signing);
        chain.Add(new WireHandler(_runtime));               // refuses unapproved resends, http credentials, redirects; reads the body once, bounded
        return chain;
    }

    private void AddStage(List<DelegatingHandler> chain, PipelineStage stage)
    {
        if (_stages.TryGetValue(stage, out var handlers))
        {
            chain.AddRange(handlers);
        }
    }
}
