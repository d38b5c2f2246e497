using Microsoft.Extensions.Logging;
using Tessera.Core.Clients;
using Tessera.Core.Pipeline;
using Tessera.Core.Resilience;

namespace Tessera.Core.Tests.TestSupport;

/// <summary>The options of the runtime's test API: no vendor, every shared setting.</summary>
internal sealed class TestOptions : ClientOptions
{
    public TestOptions()
        : base(new Uri("https://api.example.test/"), requestsPerMinute: 0)
    {
        // Tests advance the clock themselves; no delay unless a test asks for one.
        Resilience = new ResilienceOptions { BaseDelay = TimeSpan.Zero, EnableCircuitBreaker = false };
        TimeProvider = new TimerWatchingTimeProvider();
    }

    protected override string ConfigurationSection => "Test";
}

/// <summary>A client runtime with nothing vendor-specific: the shared pipeline plus whatever a test adds at a stage.</summary>
internal sealed class TestRuntime : ClientRuntime<TestOptions>
{
    private readonly Action<ClientPipelineBuilder>? _configure;

    public TestRuntime(TestOptions? options = null, ILoggerFactory? loggerFactory = null, Action<ClientPipelineBuilder>? configure = null)
        : base("Test", options ?? new TestOptions(), loggerFactory)
    {
        _configure = configure;
    }

    public TimerWatchingTimeProvider Time => (TimerWatchingTimeProvider)Options.TimeProvider;

    /// <summary>A client over a new handler chain in front of <paramref name="transport"/>, as IHttpClientFactory would build it.</summary>
    public HttpClient Client(HttpMessageHandler transport) =>
        new(TestPipeline.Chain(CreateHandlers(), transport)) { BaseAddress = Options.BaseUrl };

    protected override void ConfigurePipeline(ClientPipelineBuilder pipeline) => _configure?.Invoke(pipeline);
}
