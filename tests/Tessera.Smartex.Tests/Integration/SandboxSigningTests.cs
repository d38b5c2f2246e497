using System.Text;
using Tessera.Sandbox;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Integration;

/// <summary>
/// The client against the sandbox, whose signature check is its own code: pairing, a signed invoice,
/// and a request altered after signing, which the sandbox must reject.
/// </summary>
public sealed class SandboxSigningTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;

    private SmartexSandboxState State => _sandbox.GetState<SmartexSandboxState>();

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartInMemoryAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Pairing_with_a_dashboard_code_then_a_signed_invoice()
    {
        var client = Client(_sandbox.CreateHandler());

        await client.Pairing.PairWithCodeAsync(State.IssuePairingCode("pos"));
        var invoice = (await client.CreateInvoiceAsync(new InvoiceRequest { Price = 12.5m, Currency = "EUR" })).Data;

        State.CreatedInvoiceIds.ShouldContain(invoice.Id);
        invoice.Status.Value.ShouldBe("new");
        State.RejectedSignatures.ShouldBe(0);
    }

    [Fact]
    public async Task Client_initiated_pairing_is_usable_once_approved()
    {
        var client = Client(_sandbox.CreateHandler());
        var request = await client.Pairing.RequestTokenAsync("merchant");

        await Should.ThrowAsync<SmartexErrorException>(() => client.GetInvoicesAsync(DateTimeOffset.UtcNow.AddDays(-30)));
        State.Approve(request.PairingCode);
        var invoices = await client.GetInvoicesAsync(DateTimeOffset.UtcNow.AddDays(-30));

        invoices.Data.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_body_altered_after_signing_is_rejected()
    {
        var tampering = new TamperingHandler { InnerHandler = _sandbox.CreateHandler() };
        var client = Client(tampering);
        await client.Pairing.PairWithCodeAsync(State.IssuePairingCode("pos"));
        var rejectedBefore = State.RejectedSignatures;

        tampering.Enabled = true;
        var exception = await Should.ThrowAsync<SmartexApiException>(() => client.CreateInvoiceAsync(new InvoiceRequest { Price = 10m, Currency = "USD" }));

        exception.StatusCode.ShouldBeInRange(400, 401);
        State.RejectedSignatures.ShouldBe(rejectedBefore + 1);
        State.CreatedInvoiceIds.ShouldBeEmpty();
    }

    private SmartexClient Client(HttpMessageHandler transport) => SmartexClient.Create(
        new SmartexClientOptions { BaseUrl = _sandbox.SmartexBaseUrl, Identity = SmartexIdentity.Generate(), RequestsPerMinute = 0 },
        primaryHandler: transport);

    /// <summary>Changes the price in the signed body on its way to the server, as an attacker in the middle would.</summary>
    private sealed class TamperingHandler : DelegatingHandler
    {
        public bool Enabled { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Enabled && request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                var headers = request.Content.Headers.ToList();
                request.Content = new StringContent(body.Replace("\"price\":10", "\"price\":1", StringComparison.Ordinal), Encoding.UTF8);
                foreach (var header in headers.Where(h => h.Key != "Content-Length"))
                {
                    request.Content.Headers.Remove(header.Key);
                    request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
