using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
// Every client namespace at once, as an app that uses all three writes it: no type name is ambiguous.
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

/// <summary>The code of docs/errors.md and docs/resilience.md; it compiles, so the documentation cannot drift from the API.</summary>
internal static class CoreExamples
{
    public static async Task ErrorsAsync(IPax8Client pax8, CompanyCreate company, CancellationToken cancellationToken)
    {
        #region snippet: errors-handling
        try
        {
            await pax8.CreateCompanyAsync(company, cancellationToken);
        }
        catch (Pax8ApiException<Pax8Error> exception) when (exception.StatusCode == 422)
        {
            Console.WriteLine($"Pax8 refused the company: {exception.Result.Message}");
        }
        catch (ApiTimeoutException)
        {
            // It may have been created: look it up before creating it again.
        }
        catch (ApiConnectionException exception) when (exception.RequestNotSent)
        {
            // It never left this machine: safe to try again.
        }
        catch (ApiException exception) when (exception.IsTransient)
        {
            Console.WriteLine($"Try later ({exception.GetType().Name}, HTTP {exception.StatusCode}).");
        }
        #endregion
    }

    public static void HostDefaults(IServiceCollection services, IConfiguration configuration)
    {
        #region snippet: resilience-host-defaults
        // Aspire's service defaults (or your own) put the standard resilience handler on every HttpClient…
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        // …and the Tessera clients replace it with their own pipeline: a POST is still sent once.
        services.AddSmartPayClient(configuration.GetSection("SmartPay"), options =>
        {
            options.Resilience.MaxRetryAttempts = 2;          // reads and x-safe-to-retry operations only
            options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(30);
        });
        #endregion
    }

    public static void NamedClients(IServiceCollection services, IConfiguration configuration)
    {
        #region snippet: resilience-named-clients
        // Two partners, two credentials: each has its own options, token, rate budget and circuit breaker.
        services.AddPax8Client(configuration.GetSection("Pax8:PartnerA"), name: "partner-a");
        services.AddPax8Client(configuration.GetSection("Pax8:PartnerB"), name: "partner-b");
        #endregion
    }

    #region snippet: resilience-named-consumer
    public sealed class PartnerSync([FromKeyedServices("partner-a")] IPax8Client partnerA, [FromKeyedServices("partner-b")] IPax8Client partnerB)
    {
        public async Task<long> CountCompaniesAsync(CancellationToken cancellationToken) =>
            (await partnerA.FindCompaniesAsync(cancellationToken: cancellationToken)).Page.TotalElements
            + (await partnerB.FindCompaniesAsync(cancellationToken: cancellationToken)).Page.TotalElements;
    }
    #endregion
}
