// A consumer of the published packages: all three clients registered through DI from appsettings.json
// (override any setting with environment variables, e.g. Pax8__BaseUrl), then a short flow on each.
using Tessera.Pax8;
using Tessera.Smartex;
using Tessera.SmartPay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddPax8Client(builder.Configuration.GetSection(Pax8ClientOptions.SectionName));
builder.Services.AddSmartPayClient(builder.Configuration.GetSection(SmartPayClientOptions.SectionName));
builder.Services.AddSmartexClient(builder.Configuration.GetSection(SmartexClientOptions.SectionName));
using var host = builder.Build();

var pax8 = host.Services.GetRequiredService<IPax8Client>();
var companies = 0;
await foreach (var _ in pax8.FindCompaniesAllAsync(size: 200))
{
    companies++;
}

Console.WriteLine($"Pax8: {companies} companies");

var smartPay = host.Services.GetRequiredService<ISmartPayClient>();
var consumers = await smartPay.GetConsumersAsync(new GetConsumersRequest());
Console.WriteLine($"SmartPay: {consumers.Result?.Count ?? 0} consumers on page 1 of {consumers.TotalPages}");

var smartex = host.Services.GetRequiredService<ISmartexClient>();
var rates = await smartex.GetRatesAsync();
Console.WriteLine($"Smartex: {rates.Data.Count} exchange rates");
return 0;
