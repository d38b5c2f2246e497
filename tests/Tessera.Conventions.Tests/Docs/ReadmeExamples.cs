using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
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

/// <summary>The code of README.md; it compiles, so the README cannot drift from the API.</summary>
internal static class ReadmeExamples
{
    public static void AddClients(WebApplicationBuilder builder)
    {
        #region snippet: readme-add-clients
        builder.Services.AddPax8Client(builder.Configuration.GetSection("Pax8"));
        builder.Services.AddSmartPayClient(builder.Configuration.GetSection("SmartPay"));
        builder.Services.AddSmartexClient(builder.Configuration.GetSection("Smartex"));
        #endregion
    }

    public static void RegisterPax8(IServiceCollection services, IConfiguration configuration)
    {
        #region snippet: readme-pax8-register
        // appsettings.json: { "Pax8": { "ClientId": "…", "ClientSecret": "…", "TokenCache": "File" } }
        services.AddPax8Client(configuration.GetSection(Pax8ClientOptions.SectionName));
        #endregion
    }

    #region snippet: readme-pax8-consumer
    public sealed class Billing(IPax8Client pax8)
    {
        public async Task ReportAsync(CancellationToken cancellationToken)
        {
            await foreach (var company in pax8.FindCompaniesAllAsync(size: 200, cancellationToken: cancellationToken))
            {
                var invoices = await pax8.FindPartnerInvoicesAsync(companyId: company.Id, status: Pax8InvoiceStatus.Unpaid, cancellationToken: cancellationToken);
                Console.WriteLine($"{company.Name}: {invoices.Content?.Count ?? 0} unpaid");
            }
        }
    }
    #endregion

    public static async Task CreatePax8Async(string id, string secret, string companyId)
    {
        #region snippet: readme-pax8-create
        var pax8 = Pax8Client.Create(new Pax8ClientOptions { ClientId = id, ClientSecret = secret });
        var company = await pax8.FindCompanyByIdAsync(companyId);
        #endregion
        Console.WriteLine(company.Name);
    }

    public static async Task SmartPayAsync(IServiceCollection services, IConfiguration configuration, ISmartPayClient smartPay, string orderId, CancellationToken cancellationToken)
    {
        #region snippet: readme-smartpay
        // appsettings.json: { "SmartPay": { "ApiKey": "…" } }
        services.AddSmartPayClient(configuration.GetSection(SmartPayClientOptions.SectionName));

        // smartPay: ISmartPayClient, injected
        var created = await smartPay.CreateConsumerAsync(new CreateConsumerRequest { FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com" /* , … */ }, cancellationToken);
        await foreach (SmartPayInvoice invoice in smartPay.GetInvoicesAllAsync(new GetInvoicesRequest { OrderId = orderId }, cancellationToken))
        {
            Console.WriteLine($"{invoice.InvoiceId}: paid {invoice.DatePaid}");
        }
        #endregion
        Console.WriteLine(created.Result);
    }

    public static async Task SmartexAsync(IServiceCollection services, IConfiguration configuration, ISmartexClient smartex, SmartexIpn ipn, IShopOrders orders, HttpRequest httpRequest, Uri ipnUrl)
    {
        #region snippet: readme-smartex
        services.AddSmartexClient(configuration.GetSection(SmartexClientOptions.SectionName)); // KeyFile, BaseUrl, …

        // smartex: ISmartexClient and ipn: SmartexIpn, injected (SmartexPairing and SmartexTokenStore are registered too)
        var request = await smartex.Pairing.RequestTokenAsync("merchant");  // open request.ApprovalUrl and approve
        await smartex.Pairing.PairWithCodeAsync("AbC1234");                 // or a dashboard pairing code
        var invoice = (await smartex.CreateInvoiceAsync(new InvoiceRequest { Price = 25m, Currency = "USD", NotificationURL = ipnUrl })).Data;
        await orders.SaveAsync(SmartexInvoiceRecord.FromCreated(invoice));  // what you asked for, keyed by invoice id
        var confirmed = await ipn.ConfirmAsync(httpRequest.Body, orders.FindAsync); // IPNs are unsigned
        #endregion
        Console.WriteLine($"{request.ApprovalUrl} {confirmed.IsSettled}");
    }

    /// <summary>The shop's own storage, as the README example assumes it.</summary>
    public interface IShopOrders
    {
        Task SaveAsync(SmartexInvoiceRecord record);

        ValueTask<SmartexInvoiceRecord?> FindAsync(string invoiceId, CancellationToken cancellationToken);
    }
}
