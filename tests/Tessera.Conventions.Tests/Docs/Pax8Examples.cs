using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
// Every client namespace at once, as an app that uses all three writes it: no type name is ambiguous.
using Tessera.Core.Caching;
using Tessera.Core.Errors;
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

/// <summary>The code of docs/pax8.md; it compiles, so the documentation cannot drift from the API.</summary>
internal static class Pax8Examples
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        #region snippet: pax8-register
        services.AddPax8Client(configuration.GetSection("Pax8"));
        // or, in code:
        services.AddPax8Client(options =>
        {
            options.ClientId = "…";
            options.ClientSecret = "…";
            options.TokenCache = TokenCacheKind.File;                 // shared by processes on this machine
            options.TokenCacheFile = "/var/lib/myapp/pax8-tokens.json";
            options.TokenCacheEncryptionKey = "<base64 AES key>";         // optional AES-GCM
        });
        #endregion
    }

    public static async Task PagingAsync(IPax8Client pax8, CancellationToken cancellationToken)
    {
        #region snippet: pax8-paging
        // Items, fetched one page at a time, in a typed sort order (any text works too, for fields the spec does not list):
        await foreach (var company in pax8.FindCompaniesAllAsync(size: 200, sort: CompanySort.Name.Ascending, status: CompanyStatus.Active, cancellationToken: cancellationToken))
        {
            Console.WriteLine(company.Name);
        }

        // Pages:
        await foreach (var page in pax8.FindPartnerInvoicesAllAsync(size: 100).AsPages(cancellationToken: cancellationToken))
        {
            Console.WriteLine($"page {page.PageNumber + 1} of {page.TotalPages}: {page.Items.Count} invoices");
        }
        #endregion
    }

    public static async Task ErrorsAsync(IPax8Client pax8, string companyId, CancellationToken cancellationToken)
    {
        #region snippet: pax8-errors
        try
        {
            await pax8.FindCompanyByIdAsync(companyId, cancellationToken);
        }
        catch (Pax8ApiException<Pax8Error> exception) when (exception.StatusCode == 404)
        {
            Console.WriteLine($"{exception.Result.Type}: {exception.Result.Message} (request {exception.RequestId})");
        }
        catch (ApiException exception) when (exception.IsTransient)
        {
            // Retries are exhausted (the client already honoured Retry-After); try later.
            Console.WriteLine($"HTTP {exception.StatusCode}; raw body available in exception.Response");
        }
        #endregion
    }

    public static void Resilience(IServiceCollection services)
    {
        #region snippet: pax8-resilience
        services.AddPax8Client(options =>
        {
            options.ClientId = "…";
            options.ClientSecret = "…";
            options.RequestsPerMinute = 600;                         // below Pax8's documented 1000
            options.Resilience.MaxRetryAttempts = 5;                 // GET/PUT/DELETE; POST/PATCH only when safe
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(20);
            options.Resilience.TotalTimeout = TimeSpan.FromMinutes(2);
        });
        #endregion
    }
}
