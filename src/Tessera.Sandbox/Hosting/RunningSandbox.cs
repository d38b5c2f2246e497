namespace Tessera.Sandbox;

/// <summary>A started sandbox: where it listens, how to reach it, and its observable state. Dispose to stop it.</summary>
public sealed class RunningSandbox : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Func<HttpMessageHandler> handlerFactory;
    private int disposed;

    internal RunningSandbox(WebApplication app, Uri baseAddress, Func<HttpMessageHandler> handlerFactory, SandboxOptions options, Pax8SandboxState pax8)
    {
        this.app = app;
        this.handlerFactory = handlerFactory;
        BaseAddress = baseAddress;
        Options = options;
        Pax8 = pax8;
    }

    /// <summary>The root of the sandbox, e.g. <c>http://127.0.0.1:54321/</c> (<c>http://localhost/</c> in memory).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Pax8 Partner API base URL: <see cref="BaseAddress"/> + <c>pax8/v1/</c>.</summary>
    public Uri Pax8BaseUrl => new(BaseAddress, "pax8/v1/");

    /// <summary>
    /// The base URL of the undocumented Pax8 portal API (the experimental client's <c>ExperimentalBaseUrl</c>):
    /// <see cref="BaseAddress"/> + <c>pax8/p8p/api/v3/</c>.
    /// </summary>
    public Uri Pax8ExperimentalBaseUrl => new(BaseAddress, "pax8/p8p/api/v3/");

    /// <summary>The base URL of the Pax8 Webhooks API v2 (the client's <c>WebhooksBaseUrl</c>; same token as the Partner API).</summary>
    public Uri Pax8WebhooksBaseUrl => new(BaseAddress, "pax8/api/v2/");

    /// <summary>The Pax8 token URL: <see cref="BaseAddress"/> + <c>pax8/v1/token</c>.</summary>
    public Uri Pax8TokenUrl => new(BaseAddress, "pax8/v1/token");

    /// <summary>The SmartPay v1.2 base URL of this sandbox (<c>…/smartpay/1-2/</c>).</summary>
    public Uri SmartPayBaseUrl => new(BaseAddress, "smartpay/1-2/");

    /// <summary>The Smartex base URL of this sandbox (<c>…/smartex/</c>).</summary>
    public Uri SmartexBaseUrl => new(BaseAddress, "smartex/");

    /// <summary>The options the sandbox was started with.</summary>
    public SandboxOptions Options { get; }

    /// <summary>Inspection of the Pax8 sandbox: token requests, created records, request log.</summary>
    public Pax8SandboxState Pax8 { get; }

    /// <summary>
    /// A handler that reaches the sandbox: the TestServer's in-memory handler, or a new <see cref="SocketsHttpHandler"/>
    /// for a sandbox listening on a port. The caller owns (and disposes) the handler.
    /// </summary>
    public HttpMessageHandler CreateHandler() => handlerFactory();

    /// <summary>The state an API of the sandbox exposes for inspection (e.g. <see cref="Pax8SandboxState"/>).</summary>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <returns>The state.</returns>
    public TState GetState<TState>()
        where TState : class => app.Services.GetRequiredService<TState>();

    /// <summary>Stops the sandbox.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
