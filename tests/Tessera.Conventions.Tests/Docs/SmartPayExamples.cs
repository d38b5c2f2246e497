using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>The code of docs/smartpay.md.</summary>
internal static class SmartPayExamples
{
    public static async Task SessionAsync(CancellationToken cancellationToken)
    {
        #region snippet: smartpay-session
        var smartPay = SmartPayClient.Create(new SmartPayClientOptions
        {
            ApiKey = Environment.GetEnvironmentVariable("SMARTPAY_API_KEY"),
            OnWarnings = warnings => Console.WriteLine($"{warnings.OperationId}: {string.Join(", ", warnings.Warnings.Values)}"),
        });

        // No token parameter anywhere: the client authenticates once and puts the session token into every body.
        var created = await smartPay.CreateConsumerAsync(
            new CreateConsumerRequest
            {
                FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Phone = "6045550100",
                StreetAddress = "1 Main St", City = "Vancouver", ProvinceState = "BC", PostalCode = "V6B 1A1", Country = "CA",
            },
            cancellationToken);
        #endregion
        _ = created;
    }

    public static async Task ErrorsAndPagingAsync(ISmartPayClient smartPay, CancellationToken cancellationToken)
    {
        #region snippet: smartpay-errors
        try
        {
            await foreach (var invoice in smartPay.GetInvoicesAllAsync(new GetInvoicesRequest { PaymentMethod = PaymentMethod.Debit }, cancellationToken))
            {
                Console.WriteLine($"{invoice.InvoiceId}: {invoice.Amount} paid {invoice.DatePaid:u}");
            }
        }
        catch (SmartPayApiException exception) // errors arrive inside HTTP 200 too
        {
            foreach (var (code, message) in exception.Errors)
            {
                Console.WriteLine($"{code}: {message}");
            }
        }
        #endregion
    }

    public static void Webhooks(WebApplicationBuilder builder)
    {
        #region snippet: smartpay-webhooks
        builder.Services.AddSmartPayClient(builder.Configuration.GetSection("SmartPay"));
        builder.Services.AddSmartPayWebhookHandler<PaidInvoices>();
        var app = builder.Build();
        app.MapSmartPayWebhook("/webhooks/smartpay"); // verified, deduplicated, answered 200 once queued
        #endregion
    }

    #region snippet: smartpay-webhook-handler
    public sealed class PaidInvoices(ISmartPayClient smartPay, IShipping shipping) : ISmartPayWebhookHandler
    {
        public async Task HandleAsync(SmartPayWebhookNotification notification, CancellationToken cancellationToken)
        {
            // The signature covers the body, not the X-SmartPay-Topic header, and invoice/created and invoice/paid
            // bodies can be identical: the notification only says "look at this order". Re-query, then act.
            if (notification.IsTest || notification.OrderCustomId is null)
            {
                return;
            }

            var orders = await smartPay.GetOrdersAsync(new GetOrdersRequest { CustomOrderId = notification.OrderCustomId }, cancellationToken);
            foreach (var order in orders.Result ?? [])
            {
                var invoices = await smartPay.GetInvoicesAsync(new GetInvoicesRequest { OrderId = order.OrderId }, cancellationToken);
                if (invoices.Result?.Any(invoice => invoice.DatePaid is not null) == true)
                {
                    await shipping.ShipOnceAsync(order.OrderId, cancellationToken); // idempotent, keyed by the order
                }
            }
        }
    }
    #endregion

    /// <summary>The shop's fulfilment, as the docs example assumes it.</summary>
    public interface IShipping
    {
        Task ShipOnceAsync(string orderId, CancellationToken cancellationToken);
    }
}
