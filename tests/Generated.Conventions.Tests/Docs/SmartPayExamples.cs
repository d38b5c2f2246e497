using Generated.SmartPay;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Generated.Conventions.Tests.Docs;

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
        builder.Services.AddSmartPayWebhooks(options => options.Key = builder.Configuration["SmartPay:ApiKey"]);
        var app = builder.Build();
        app.MapSmartPayWebhook("/webhooks/smartpay", (notification, cancellationToken) =>
        {
            // Only verified notifications get here; the endpoint has already answered 200.
            Console.WriteLine($"{notification.Topic}: order {notification.OrderCustomId}");
            return Task.CompletedTask;
        });
        #endregion
    }
}
