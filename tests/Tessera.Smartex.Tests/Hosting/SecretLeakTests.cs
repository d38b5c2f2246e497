using Tessera.Testing;
using System.Net;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Ipn;
using Tessera.Smartex.Tests.Identity;
using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Hosting;

/// <summary>
/// A full session at Trace level - pairing both ways, invoices, bills, an error and an IPN - must not put the private
/// key, a token, a dashboard pairing code, a signature or the identity header into any log line or exception message.
/// The code of a client-initiated pairing is not a secret: the user must read it to approve it
/// (<see cref="Pairing.PairingTests.The_not_active_error_shows_the_code_to_approve"/>).
/// </summary>
public sealed class SecretLeakTests
{
    [Fact]
    public async Task No_secret_reaches_the_logs_or_exception_messages()
    {
        using var logs = new TestLogs();
        var responses = new Queue<(string Body, HttpStatusCode Status)>(
        [
            (Payloads.Read("token"), HttpStatusCode.OK),
            (Payloads.Read("token-request"), HttpStatusCode.OK),
            (Payloads.Read("tokens"), HttpStatusCode.OK),
            (Payloads.Read("invoice"), HttpStatusCode.OK),
            (Payloads.Read("invoice"), HttpStatusCode.OK),
            (Payloads.Read("bill"), HttpStatusCode.OK),
            (Payloads.Read("invoice"), HttpStatusCode.OK),
            ($$"""{"error":"Invalid token {{TestClients.NewToken}} for pairing code {{TestClients.ServerPairingCode}}"}""", HttpStatusCode.Forbidden),
        ]);
        var (client, transport) = TestClients.Canned(_ =>
        {
            var (body, status) = responses.Dequeue();
            return RecordingHandler.Json(body, status);
        }, facades: [], loggerFactory: logs.Factory);

        await client.Pairing.PairWithCodeAsync(TestClients.PairingCode);
        await client.Pairing.RequestTokenAsync("merchant");
        await client.Pairing.GetTokensAsync();
        await client.CreateInvoiceAsync(Wire.OperationCases.NewInvoice());
        await client.GetInvoiceAsync(TestClients.InvoiceId);
        await client.CreateBillAsync(Wire.OperationCases.NewBill());
        await new SmartexIpn(client).ConfirmAsync(
            Newtonsoft.Json.Linq.JObject.Parse(Payloads.Read("invoice"))["data"]!.ToString(),
            (id, _) => ValueTask.FromResult<SmartexInvoiceRecord?>(new SmartexInvoiceRecord(id, 20m, "USD", "1001")));
        var exception = await Should.ThrowAsync<SmartexErrorException>(() => client.GetLedgersAsync());

        var secrets = new List<string>
        {
            TestVectors.A.PrivateKey, TestVectors.A.PemBody[..40], TestVectors.A.PublicKey,
            TestClients.PosToken, TestClients.NewToken, TestClients.PairingCode,
            TestClients.InvoiceResourceToken, TestClients.BillResourceToken,
        };
        secrets.AddRange(transport.Requests.Select(r => r.Header(SmartexHeaders.Signature)).OfType<string>());
        transport.Requests.Count(r => r.Header(SmartexHeaders.Signature) is not null).ShouldBeGreaterThan(3);

        logs.Records.Count.ShouldBeGreaterThan(10);
        logs.AllText.ShouldContain("Trace", customMessage: "bodies are logged at Trace");
        foreach (var secret in secrets)
        {
            logs.AllText.ShouldNotContain(secret, Case.Sensitive, "a secret reached the logs");
            exception.Message.ShouldNotContain(secret, Case.Sensitive);
            exception.ToString().ShouldNotContain(secret, Case.Sensitive);
        }

        client.Identity.ToString().ShouldNotContain(TestVectors.A.PrivateKey);
    }
}
