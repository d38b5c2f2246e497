// An ASP.NET Core app that uses the three clients the way the README shows (appsettings.json points them at the
// sandbox; any setting can be overridden with environment variables, e.g. Pax8__BaseUrl). It serves two endpoints,
// calls them once over loopback, checks what it got and exits: 0 when every step worked.
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Pax8;
using Tessera.SmartPay;
using Tessera.Smartex;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseUrls("http://127.0.0.1:0");

// README, "Add the clients to your app".
builder.Services.AddPax8Client(builder.Configuration.GetSection("Pax8"));
builder.Services.AddSmartPayClient(builder.Configuration.GetSection("SmartPay"));
builder.Services.AddSmartexClient(builder.Configuration.GetSection("Smartex"));

var app = builder.Build();

// A model returned as is: ASP.NET Core writes it with System.Text.Json, as the client would on the wire.
app.MapGet("/companies/first", async (IPax8Client pax8, CancellationToken ct) =>
    (await pax8.FindCompaniesAsync(size: 1, cancellationToken: ct)).Content.First());
app.MapGet("/invoices", async (ISmartPayClient smartPay, CancellationToken ct) =>
    (await smartPay.GetInvoicesAsync(new GetInvoicesRequest(), ct)).Result);

await app.StartAsync();
var failures = new List<string>();
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

try
{
    using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

    // Pax8: paging through IPax8Client, then a model through the app's own endpoint.
    var pax8 = app.Services.GetRequiredService<IPax8Client>();
    var companies = 0;
    await foreach (var _ in pax8.FindCompaniesAllAsync(size: 200))
    {
        companies++;
    }

    Check(companies > 200, $"Pax8: {companies} companies over several pages");
    var company = JsonNode.Parse(await http.GetStringAsync("/companies/first"))!.AsObject();
    Check(company["status"] is JsonValue status && status.GetValueKind() == JsonValueKind.String, $"Pax8 model through System.Text.Json: status is a string ({company["status"]?.ToJsonString()})");
    Check(!company.ContainsKey("additionalProperties") && company.ContainsKey("billOnBehalfOfEnabled"), "Pax8 model through System.Text.Json: wire names, no additionalProperties member");

    // SmartPay: a session token bought once, a page of invoices through the app's endpoint.
    var smartPay = app.Services.GetRequiredService<ISmartPayClient>();
    var consumers = await smartPay.GetConsumersAsync(new GetConsumersRequest());
    Check(consumers.Result?.Count > 0, $"SmartPay: {consumers.Result?.Count ?? 0} consumers on page 1 of {consumers.TotalPages}");
    var invoices = JsonNode.Parse(await http.GetStringAsync("/invoices"))!.AsArray();
    Check(invoices.Count > 0 && invoices[0]!["invoice_id"] is not null, $"SmartPay: {invoices.Count} invoices through System.Text.Json with their wire names");

    // Smartex: pairing from what DI hands out (ISmartexClient.Pairing), approval, then an invoice with the new token.
    var smartex = app.Services.GetRequiredService<ISmartexClient>();
    var request = await smartex.Pairing.RequestTokenAsync("merchant");
    Console.WriteLine($"     Smartex: approve pairing code {request.PairingCode} at {request.ApprovalUrl}");
    using (var approval = await http.GetAsync(request.ApprovalUrl)) // the sandbox's stand-in for the merchant's click
    {
        Check(approval.IsSuccessStatusCode, "Smartex: the pairing was approved");
    }

    var invoice = (await smartex.CreateInvoiceAsync(new InvoiceRequest { Price = 25m, Currency = "USD", OrderID = "sample-1" })).Data;
    Check(!string.IsNullOrEmpty(invoice.Id), $"Smartex: invoice {invoice.Id} created for {invoice.Price} {invoice.Currency}");
    Check(smartex.Tokens.Get("merchant") is { PendingApproval: false }, "Smartex: the token store marks the approved token");
}
catch (Exception exception)
{
    failures.Add(exception.GetType().Name);
    Console.Error.WriteLine(exception.Message);
}
finally
{
    await app.StopAsync();
}

Console.WriteLine(failures.Count == 0 ? "Sample: every step worked." : $"Sample: {failures.Count} step(s) failed.");
return failures.Count == 0 ? 0 : 1;
