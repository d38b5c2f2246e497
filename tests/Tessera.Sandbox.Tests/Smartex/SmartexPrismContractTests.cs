using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>
/// Runs only when <c>SMARTEX_PRISM_URL</c> and <c>SMARTEX_SANDBOX_URL</c> are set: a contract proxy must listen on the
/// first and forward to the second + <c>/smartex</c>, e.g.
/// <code>
/// node_modules/.bin/prism proxy specs/smartex.yaml http://127.0.0.1:5081/smartex --errors -p 4010 -h 127.0.0.1
/// SMARTEX_PRISM_URL=http://127.0.0.1:4010 SMARTEX_SANDBOX_URL=http://127.0.0.1:5081 dotnet test tests/Tessera.Sandbox.Tests --filter FullyQualifiedName~SmartexPrism
/// </code>
/// </summary>
internal sealed class PrismFactAttribute : FactAttribute
{
    public PrismFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SMARTEX_PRISM_URL") is null || Environment.GetEnvironmentVariable("SMARTEX_SANDBOX_URL") is null)
        {
            Skip = "Set SMARTEX_PRISM_URL and SMARTEX_SANDBOX_URL (a Prism proxy of specs/smartex.yaml in front of the sandbox) to run.";
        }
    }
}

/// <summary>Every Smartex operation (successes and errors) through a Prism contract proxy; any violation fails.</summary>
public sealed class SmartexPrismContractTests
{
    private static readonly SmartexTestKey Key = SmartexTestKey.VectorA;

    [PrismFact]
    public async Task Every_operation_validates_against_the_spec()
    {
        var prism = Environment.GetEnvironmentVariable("SMARTEX_PRISM_URL")!.TrimEnd('/');
        var sandboxUrl = Environment.GetEnvironmentVariable("SMARTEX_SANDBOX_URL")!;
        var options = new SandboxOptions { TimeProvider = new FakeTimeProvider(TestSandbox.Start), Pax8CompanyCount = 5 };
        options.Smartex.PublicBaseUrl = new Uri(prism);
        await using var sandbox = await SandboxServer.StartAsync(options, sandboxUrl);
        var state = sandbox.GetState<SmartexSandboxState>();
        using var http = new HttpClient();
        var failures = new List<string>();

        async Task<JsonNode?> Call(HttpMethod method, string pathAndQuery, HttpStatusCode expected, object? body = null, bool sign = true, string? signedUrl = null)
        {
            var url = prism + pathAndQuery;
            var text = SmartexTestSandbox.Serialize(body);
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("X-Accept-Version", "1.0.0");
            request.Headers.Add("Accept", "application/json");
            if (text is not null)
            {
                request.Content = new StringContent(text, Encoding.UTF8, "application/json");
            }

            if (sign)
            {
                request.Headers.Add("X-Identity", Key.PublicKeyHex);
                request.Headers.Add("X-Signature", Key.Sign((signedUrl ?? url) + (text ?? string.Empty)));
            }

            using var response = await http.SendAsync(request);
            var responseText = await response.Content.ReadAsStringAsync();
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
            if (response.StatusCode != expected || violations is not null)
            {
                failures.Add($"{method} {pathAndQuery}: {(int)response.StatusCode} (expected {(int)expected}) {violations} {responseText}");
            }

            return responseText.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(responseText) : null;
        }

        // Tokens: server-initiated, client-initiated (pending, then approved), list.
        var posCode = state.IssuePairingCode("pos");
        var pos = (await Call(HttpMethod.Post, "/tokens", HttpStatusCode.OK, new { id = Key.Sin, pairingCode = posCode, label = "prism pos", guid = "g-1" }, sign: false))!["data"]![0]!["token"]!.GetValue<string>();
        var pending = (await Call(HttpMethod.Post, "/tokens", HttpStatusCode.OK, new { id = Key.Sin, facade = "merchant" }, sign: false))!["data"]![0]!;
        var merchant = pending["token"]!.GetValue<string>();
        await Call(HttpMethod.Get, "/ledgers?token=" + merchant, HttpStatusCode.Forbidden);
        state.Approve(pending["pairingCode"]!.GetValue<string>());
        await Call(HttpMethod.Get, "/tokens", HttpStatusCode.OK);
        await Call(HttpMethod.Post, "/tokens", HttpStatusCode.BadRequest, new { id = Key.Sin, pairingCode = "abcdefg" }, sign: false);

        // Invoices.
        var invoice = (await Call(HttpMethod.Post, "/invoices", HttpStatusCode.OK, new
        {
            price = 20,
            currency = "USD",
            token = pos,
            posData = "{\"cart\":1}",
            notificationURL = "https://merchant.example.com/ipn",
            fullNotifications = true,
            orderID = "ORD-1",
            itemDesc = "Mug",
            buyerName = "Ada",
            buyerEmail = "ada@example.com",
        }))!["data"]!;
        var id = invoice["id"]!.GetValue<string>();
        await Call(HttpMethod.Post, "/invoices", HttpStatusCode.OK, new { price = 0.25, currency = "ETH", token = merchant });
        await Call(HttpMethod.Get, "/invoices/" + id, HttpStatusCode.OK, sign: false);
        await Call(HttpMethod.Get, "/invoices/" + id + "?token=" + merchant, HttpStatusCode.OK);
        await state.PayInvoiceAsync(id);
        await state.ConfirmInvoiceAsync(id);
        await Call(HttpMethod.Get, "/invoices/" + id + "?token=" + merchant, HttpStatusCode.OK);
        await Call(HttpMethod.Get, "/invoices?token=" + merchant + "&dateStart=2025-01-01", HttpStatusCode.OK);
        await Call(HttpMethod.Get, "/invoices?token=" + merchant + "&dateStart=2026-01-01&dateEnd=2026-03-16&status=complete&limit=5&offset=2", HttpStatusCode.OK);
        await Call(HttpMethod.Get, "/invoices?token=" + merchant + "&dateStart=1767225600000&orderId=ORD-1", HttpStatusCode.OK);
        await Call(HttpMethod.Get, "/invoices/NoSuchInvoice", HttpStatusCode.NotFound, sign: false);
        await Call(HttpMethod.Get, "/invoices?token=" + pos + "&dateStart=2025-01-01", HttpStatusCode.Forbidden);
        await Call(HttpMethod.Get, "/invoices?token=unknown&dateStart=2025-01-01", HttpStatusCode.Unauthorized);
        await Call(HttpMethod.Post, "/invoices", HttpStatusCode.BadRequest, new { price = 10, currency = "XYZ", token = pos });
        await Call(HttpMethod.Post, "/invoices", HttpStatusCode.Unauthorized, new { price = 10, currency = "USD", token = pos }, sign: false); // Prism's own security check
        await Call(HttpMethod.Post, "/invoices", HttpStatusCode.BadRequest, new { price = 10, currency = "USD", token = pos }, signedUrl: prism + "/bills");

        // Bills.
        var bill = (await Call(HttpMethod.Post, "/bills", HttpStatusCode.OK, new
        {
            token = merchant,
            currency = "USD",
            name = "Ada",
            email = "ada@example.com",
            country = "GB",
            dueDate = "2026-04-30T12:00:00Z",
            showRate = true,
            items = new[] { new { description = "Mug", price = 12.5, quantity = 2 } },
        }))!["data"]!;
        var billId = bill["id"]!.GetValue<string>();
        await Call(HttpMethod.Get, "/bills?token=" + merchant, HttpStatusCode.OK);
        await Call(HttpMethod.Get, "/bills?token=" + merchant + "&status=draft", HttpStatusCode.OK);
        await Call(HttpMethod.Get, "/bills/" + billId + "?token=" + merchant, HttpStatusCode.OK);
        await Call(HttpMethod.Put, "/bills/" + billId, HttpStatusCode.OK, new
        {
            token = merchant,
            currency = "USD",
            name = "Ada King",
            email = "ada@example.com",
            dueDate = "2026-05-01",
            status = "draft",
            items = new[] { new { description = "Mug", price = 12.5, quantity = 3 } },
        });
        await Call(HttpMethod.Post, "/bills/" + billId + "/deliveries", HttpStatusCode.OK, new { token = bill["token"]!.GetValue<string>() });
        await Call(HttpMethod.Get, "/bills/NoSuchBill?token=" + merchant, HttpStatusCode.NotFound);

        // Rates, currencies, ledgers.
        await Call(HttpMethod.Get, "/rates", HttpStatusCode.OK, sign: false);
        await Call(HttpMethod.Get, "/currencies", HttpStatusCode.OK, sign: false);
        await Call(HttpMethod.Get, "/ledgers?token=" + merchant, HttpStatusCode.OK);

        failures.ShouldBeEmpty();
        state.RejectedSignatures.ShouldBe(1); // the one signed over another URL (Prism answers the unsigned one itself)
        state.SignedRequests.ShouldBeGreaterThan(15);
    }
}
