using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
// Every client namespace at once, as an app that uses all three writes it: no type name is ambiguous.
using Tessera.Pax8;
using Tessera.Pax8.AspNetCore;
using Tessera.Pax8.Webhooks;
using Tessera.Redis;
using Tessera.SmartPay;
using Tessera.SmartPay.AspNetCore;
using Tessera.Smartex;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tokens;

namespace Tessera.Conventions.Tests.Docs;

/// <summary>The code of each package's README.md (src/*/README.md) and of docs/scale-out.md; it compiles.</summary>
internal static class PackageExamples
{
    public static void Pax8(WebApplicationBuilder builder)
    {
        #region snippet: package-pax8-register
        // appsettings.json: { "Pax8": { "ClientId": "…", "ClientSecret": "…" } }
        builder.Services.AddPax8Client(builder.Configuration.GetSection("Pax8"));
        #endregion
    }

    #region snippet: package-pax8-consumer
    public sealed class Companies(IPax8Client pax8)
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await foreach (var company in pax8.FindCompaniesAllAsync(size: 200, cancellationToken: cancellationToken))
            {
                Console.WriteLine($"{company.Id} {company.Name}");
            }
        }
    }
    #endregion

    public static void Pax8Webhooks(WebApplicationBuilder builder)
    {
        #region snippet: package-pax8-webhooks
        builder.Services.AddPax8Client(builder.Configuration.GetSection("Pax8"));
        builder.Services.AddPax8WebhookHandler<SubscriptionChangedHandler>(o => o.Authorization = builder.Configuration["Pax8:Webhooks:Authorization"]);
        var app = builder.Build();
        app.MapPax8Webhook("/pax8/webhook");
        #endregion
    }

    #region snippet: package-pax8-webhook-handler
    public sealed class SubscriptionChangedHandler(IPax8Client pax8) : IPax8WebhookHandler
    {
        public async Task HandleAsync(WebhookPayload payload, CancellationToken cancellationToken)
        {
            // A notification, not the state: re-read what changed through the partner client.
            if (payload.PayloadData?.TryGetValue("subscriptionId", out var id) == true && id?.ToString() is { Length: > 0 } subscriptionId)
            {
                var subscription = await pax8.FindSubscriptionBySubscriptionIdAsync(subscriptionId, cancellationToken);
                Console.WriteLine($"{subscription.Id}: {subscription.Status}");
            }
        }
    }
    #endregion

    public static void SmartPay(WebApplicationBuilder builder)
    {
        #region snippet: package-smartpay-register
        // appsettings.json: { "SmartPay": { "ApiKey": "…" } }
        builder.Services.AddSmartPayClient(builder.Configuration.GetSection("SmartPay"));
        #endregion
    }

    #region snippet: package-smartpay-consumer
    public sealed class Payers(ISmartPayClient smartPay)
    {
        public async Task ListAsync(CancellationToken cancellationToken)
        {
            await foreach (var consumer in smartPay.GetConsumersAllAsync(new GetConsumersRequest(), cancellationToken))
            {
                Console.WriteLine(consumer.Email);
            }
        }
    }
    #endregion

    public static void SmartPayWebhooks(WebApplicationBuilder builder)
    {
        #region snippet: package-smartpay-webhooks
        builder.Services.AddSmartPayClient(builder.Configuration.GetSection("SmartPay"));   // SmartPay:WebhookKey set
        builder.Services.AddSmartPayWebhookHandler<OrderPaidHandler>();
        var app = builder.Build();
        app.MapSmartPayWebhook("/smartpay/webhook");
        #endregion
    }

    #region snippet: package-smartpay-webhook-handler
    public sealed class OrderPaidHandler(ISmartPayClient smartPay) : ISmartPayWebhookHandler
    {
        public async Task HandleAsync(SmartPayWebhookNotification notification, CancellationToken cancellationToken)
        {
            // The topic header is not signed: re-query the order before acting on it.
            if (notification.OrderCustomId is { } orderId)
            {
                var orders = await smartPay.GetOrdersAsync(new GetOrdersRequest { CustomOrderId = orderId }, cancellationToken);
                Console.WriteLine($"{orderId}: {orders.Result?.Count ?? 0} order(s)");
            }
        }
    }
    #endregion

    public static void Smartex(WebApplicationBuilder builder)
    {
        #region snippet: package-smartex-register
        builder.Services.AddSmartexClient(builder.Configuration.GetSection("Smartex"));
        #endregion
    }

    #region snippet: package-smartex-consumer
    public sealed class Checkout(ISmartexClient smartex)
    {
        public Task<InvoiceResponse> CreateAsync(string orderId) =>
            smartex.CreateInvoiceAsync(new InvoiceRequest { Price = 25m, Currency = "USD", OrderID = orderId });
    }
    #endregion

    public static void Redis(WebApplicationBuilder builder)
    {
        #region snippet: package-redis
        builder.Services.AddPax8Client(builder.Configuration.GetSection("Pax8"))
            .UseRedis(o => { o.Configuration = "redis:6379"; o.ExpectedInstances = 4; });
        #endregion
    }

    public static void ScaleOutDependencyInjection(IServiceCollection services, IConfiguration configuration)
    {
        #region snippet: scale-out-di
        services.AddPax8Client(configuration.GetSection("Pax8"))
            .UseRedis(redis =>
            {
                redis.Configuration = "redis.internal:6379,password=…,ssl=true";
                redis.ExpectedInstances = 8;   // required: each instance's share while Redis is unreachable
            });
        #endregion
    }

    public static async Task ScaleOutCreateAsync(ILoggerFactory loggerFactory, string key, string companyId)
    {
        #region snippet: scale-out-create
        using var shared = new RedisSharedState(new RedisSharedStateOptions { Configuration = "localhost:6379", ExpectedInstances = 8 }, loggerFactory);
        var client = Pax8Client.Create(new Pax8ClientOptions { ClientId = "…", ClientSecret = "…", TokenCacheEncryptionKey = key, SharedState = shared });
        #endregion
        await client.FindCompanyByIdAsync(companyId);
    }
}
