using Tessera.Pax8;
using Tessera.Core.Resilience;
using Tessera.Sandbox;
using Tessera.Sandbox.SmartPay;
using Tessera.Smartex;
using Tessera.Smartex.Identity;
using Tessera.SmartPay;
using Microsoft.Extensions.Logging;

namespace Tessera.Reliability.Tests.Infrastructure;

public enum Api
{
    Pax8,
    SmartPay,
    Smartex,
}

/// <summary>A create operation of one API: its route, the call, and how many records the sandbox created.</summary>
public sealed record WriteOperation(string Name, string Method, string Path, Func<CancellationToken, Task> Call, Func<int> Created);

/// <summary>
/// A sandbox (in memory, or on Kestrel) and one client of <see cref="Api"/> whose transport is a
/// <see cref="ScriptedHandler"/> in front of the sandbox, with retry delays of milliseconds.
/// </summary>
public sealed class Harness : IAsyncDisposable
{
    private CreateOrder? _order;

    private Harness(Api api, RunningSandbox sandbox, ScriptedHandler script)
    {
        Api = api;
        Sandbox = sandbox;
        Script = script;
    }

    public Api Api { get; }

    public RunningSandbox Sandbox { get; }

    public ScriptedHandler Script { get; }

    public Pax8Client? Pax8 { get; private set; }

    public SmartPayClient? SmartPay { get; private set; }

    public SmartexClient? Smartex { get; private set; }

    public Sandbox.Faults.SandboxFaults Faults => Sandbox.Options.Faults!;

    /// <summary>Retries with millisecond delays, a two-second attempt timeout, Retry-After up to three seconds, no breaker.</summary>
    public static ResilienceOptions FastResilience() => new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(10),
        UseJitter = false,
        AttemptTimeout = TimeSpan.FromSeconds(2),
        TotalTimeout = TimeSpan.FromSeconds(20),
        MaxRetryAfter = TimeSpan.FromSeconds(3),
        EnableCircuitBreaker = false,
    };

    public static async Task<Harness> StartAsync(Api api, SandboxOptions? options = null, ResilienceOptions? resilience = null, ILoggerFactory? loggerFactory = null, bool kestrel = false)
    {
        options ??= new SandboxOptions();
        options.Pax8RequestsPerMinute = 0;
        var sandbox = kestrel ? await SandboxServer.StartAsync(options) : await SandboxServer.StartInMemoryAsync(options);
        var harness = new Harness(api, sandbox, new ScriptedHandler(sandbox.CreateHandler()));
        resilience ??= FastResilience();
        switch (api)
        {
            case Api.Pax8:
                harness.Pax8 = Pax8Client.Create(
                    new Pax8ClientOptions
                    {
                        ClientId = SandboxOptions.DefaultPax8ClientId,
                        ClientSecret = SandboxOptions.DefaultPax8ClientSecret,
                        BaseUrl = sandbox.Pax8BaseUrl,
                        TokenUrl = sandbox.Pax8TokenUrl,
                        RequestsPerMinute = 0,
                        Resilience = resilience,
                    },
                    loggerFactory,
                    harness.Script);
                break;
            case Api.SmartPay:
                harness.SmartPay = SmartPayClient.Create(
                    new SmartPayClientOptions { ApiKey = SmartPaySandboxOptions.DefaultApiKey, BaseUrl = sandbox.SmartPayBaseUrl, RequestsPerMinute = 0, Resilience = resilience },
                    loggerFactory,
                    harness.Script);
                break;
            default:
                harness.Smartex = SmartexClient.Create(
                    new SmartexClientOptions { BaseUrl = sandbox.SmartexBaseUrl, Identity = SmartexIdentity.Generate(), RequestsPerMinute = 0, Resilience = resilience },
                    loggerFactory,
                    harness.Script);
                break;
        }

        return harness;
    }

    /// <summary>The route of <see cref="ReadAsync"/> as the sandbox sees it.</summary>
    public (string Method, string Path) ReadRoute => Api switch
    {
        Api.Pax8 => ("GET", "/pax8/v1/companies"),
        Api.SmartPay => ("POST", "/smartpay/1-2/get_consumers"),
        _ => ("GET", "/smartex/invoices"),
    };

    /// <summary>A representative read (GET, or SmartPay's safe-to-retry get_consumers), checking the result is real.</summary>
    public async Task ReadAsync(CancellationToken cancellationToken = default)
    {
        switch (Api)
        {
            case Api.Pax8:
                (await Pax8!.FindCompaniesAsync(size: 5, cancellationToken: cancellationToken)).Content.Count.ShouldBe(5);
                break;
            case Api.SmartPay:
                (await SmartPay!.GetConsumersAsync(new GetConsumersRequest(), cancellationToken)).Result.ShouldNotBeEmpty();
                break;
            default:
                (await Smartex!.GetInvoicesAsync(DateTimeOffset.UtcNow.AddDays(-400), cancellationToken: cancellationToken)).Data.ShouldNotBeEmpty();
                break;
        }
    }

    /// <summary>Acquires the token (or pairs) and warms the path up, so that the first faulted call measures only the fault.</summary>
    public async Task WarmUpAsync()
    {
        if (Api == Api.Smartex)
        {
            var state = Sandbox.GetState<SmartexSandboxState>();
            await Smartex!.Pairing.PairWithCodeAsync(state.IssuePairingCode("merchant"));
            await Smartex.Pairing.PairWithCodeAsync(state.IssuePairingCode("pos"));
        }

        if (Api == Api.Pax8)
        {
            _order = await Pax8Orders.NewOrderAsync(Pax8!);
        }

        await ReadAsync();
    }

    /// <summary>The create operations of the API.</summary>
    public IReadOnlyList<WriteOperation> Writes()
    {
        switch (Api)
        {
            case Api.Pax8:
                var pax8 = Sandbox.Pax8;
                return
                [
                    new("createCompany", "POST", "/pax8/v1/companies", ct => Pax8!.CreateCompanyAsync(Pax8Orders.NewCompany(), ct), () => pax8.CreatedCompanyIds.Count),
                    new("createOrder", "POST", "/pax8/v1/orders", ct => Pax8!.CreateOrderAsync(_order ?? throw new InvalidOperationException("Warm up first."), cancellationToken: ct), () => pax8.CreatedOrderIds.Count),
                ];
            case Api.SmartPay:
                var smartPay = Sandbox.GetState<SmartPaySandboxState>();
                return
                [
                    new("create_consumer", "POST", "/smartpay/1-2/create_consumer", ct => SmartPay!.CreateConsumerAsync(NewConsumer(), ct), () => smartPay.CreatedConsumerIds.Count),
                    new("create_webhook", "POST", "/smartpay/1-2/create_webhook", async ct => await SmartPay!.CreateWebhookAsync(new CreateWebhookRequest { Topic = SmartPayWebhookTopics.InvoicePaid, Url = await WebhookReceiver.UrlAsync() }, ct), () => smartPay.CreatedWebhookIds.Count),
                ];
            default:
                var smartex = Sandbox.GetState<SmartexSandboxState>();
                return
                [
                    new("createInvoice", "POST", "/smartex/invoices", ct => Smartex!.CreateInvoiceAsync(new InvoiceRequest { Price = 12.5m, Currency = "EUR", OrderID = "R-1" }, ct), () => smartex.CreatedInvoiceIds.Count),
                    new("createToken", "POST", "/smartex/tokens", ct => Smartex!.Pairing.RequestTokenAsync("merchant", cancellationToken: ct), () => smartex.CreatedTokenIds.Count),
                ];
        }
    }

    public static CreateConsumerRequest NewConsumer() => new()
    {
        FirstName = "Rel",
        LastName = "Iability",
        Email = $"rel.{Guid.NewGuid():N}@example.com",
        Phone = "6045550100",
        StreetAddress = "100 Granville St",
        City = "Vancouver",
        ProvinceState = "BC",
        PostalCode = "V6C 1S4",
        Country = "CA",
    };

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
    }
}
