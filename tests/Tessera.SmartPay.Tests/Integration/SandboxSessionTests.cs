using Tessera.Sandbox;
using Tessera.Sandbox.SmartPay;
using Tessera.SmartPay.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.SmartPay.Tests.Integration;

/// <summary>The session handshake against the sandbox, on a clock the test drives.</summary>
public sealed class SandboxSessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestClients.Start);
    private RunningSandbox _sandbox = null!;

    private SmartPaySandboxState State => _sandbox.GetState<SmartPaySandboxState>();

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartInMemoryAsync(new SandboxOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Concurrent_first_calls_authenticate_exactly_once()
    {
        var client = Client(_clock);

        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => client.GetConsumersAsync(new GetConsumersRequest())));

        State.AuthenticateCalls.ShouldBe(1);
    }

    [Fact]
    public async Task A_session_that_expires_mid_run_is_renewed_before_it_is_used()
    {
        var client = Client(_clock);
        await client.GetOrdersAsync(new GetOrdersRequest());

        _clock.Advance(TimeSpan.FromMinutes(61));
        var orders = await client.GetOrdersAsync(new GetOrdersRequest());

        orders.Result.ShouldNotBeEmpty();
        State.AuthenticateCalls.ShouldBe(2);
    }

    [Fact]
    public async Task A_session_the_server_expired_early_is_renewed_and_the_call_replayed()
    {
        // The client's clock stands still: only the server's token error tells it to re-authenticate.
        var client = Client(new FakeTimeProvider(TestClients.Start));
        await client.GetInvoicesAsync(new GetInvoicesRequest());

        State.ExpireAllTokens();
        var invoices = await client.GetInvoicesAsync(new GetInvoicesRequest());

        invoices.Result.ShouldNotBeEmpty();
        State.AuthenticateCalls.ShouldBe(2);
    }

    [Fact]
    public async Task Every_consumer_streams_across_pages_of_one_hundred()
    {
        var client = Client(_clock);

        var pages = await client.GetConsumersAllAsync().AsPages().Select(p => p.Items.Count).ToListAsync();

        pages.Sum().ShouldBe(State.ConsumerCount);
        pages.ShouldAllBe(count => count <= 100);
        pages.Count.ShouldBe((State.ConsumerCount + 99) / 100);
    }

    private SmartPayClient Client(TimeProvider clock) => SmartPayClient.Create(
        new SmartPayClientOptions
        {
            ApiKey = SmartPaySandboxOptions.DefaultApiKey,
            BaseUrl = _sandbox.SmartPayBaseUrl,
            RequestsPerMinute = 0,
            TimeProvider = clock,
        },
        primaryHandler: _sandbox.CreateHandler());
}
