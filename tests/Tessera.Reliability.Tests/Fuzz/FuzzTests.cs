using System.Net;
using System.Text;
using Tessera.Pax8;
using Tessera.Reliability.Tests.Infrastructure;
using Tessera.Smartex;
using Tessera.Smartex.Tokens;
using Tessera.SmartPay;
using Xunit.Abstractions;

namespace Tessera.Reliability.Tests.Fuzz;

/// <summary>
/// At least 10,000 mutated payloads per API through every response model of every operation (the operation tables of
/// the per-client test projects), through the real client pipeline: every outcome is a success or a typed exception.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class Pax8FuzzTests(ITestOutputHelper output)
{
    public const int Payloads = 10_000;

    [Fact(Timeout = 120_000)]
    public async Task Mutated_Pax8_payloads_end_in_success_or_a_typed_exception()
    {
        var token = Read("Pax8", "token");
        var transport = new FuzzRunner.CannedTransport(request => request.RequestUri!.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(token, Encoding.UTF8, "application/json") }
            : null);
        var client = Pax8Client.Create(Pax8.Tests.Infrastructure.TestClients.Options(), primaryHandler: transport);
        var operations = Pax8.Tests.Wire.OperationCases.All
            .Where(c => c.Value.Payload is not null)
            .Select(c => (c.Key, Read("Pax8", c.Value.Payload!), c.Value.Call))
            .ToList();

        var report = await FuzzRunner.RunAsync("Pax8", Payloads, 8_001, operations, client, transport, [Read("Pax8", "error-404"), """{"type":"x","message":"m","status":400,"details":[{"field":"f","message":"m"}]}"""]);

        FuzzAssert.Clean(report, output);
    }

    internal static string Read(string project, string payload) =>
        File.ReadAllText(Repo.PathOf("tests", $"Tessera.{project}.Tests", "Payloads", payload + ".json"));
}

[Collection(HeavyCollection.Name)]
public sealed class SmartPayFuzzTests(ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task Mutated_SmartPay_payloads_end_in_success_or_a_typed_exception()
    {
        var authenticate = Pax8FuzzTests.Read("SmartPay", "authenticate");
        var transport = new FuzzRunner.CannedTransport(request => request.RequestUri!.AbsolutePath.EndsWith("/authenticate", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(authenticate, Encoding.UTF8, "application/json") }
            : null);
        var client = SmartPayClient.Create(SmartPay.Tests.Infrastructure.TestClients.Options(), primaryHandler: transport);
        var operations = SmartPay.Tests.Wire.OperationCases.All
            .Select(c => (c.Key, Pax8FuzzTests.Read("SmartPay", c.Value.Payload), c.Value.Call))
            .ToList();

        var report = await FuzzRunner.RunAsync("SmartPay", Pax8FuzzTests.Payloads, 8_002, operations, client, transport, [Pax8FuzzTests.Read("SmartPay", "errors-on-200"), """{"errors":{"5783":"Invalid token"}}"""]);

        FuzzAssert.Clean(report, output);
    }
}

[Collection(HeavyCollection.Name)]
public sealed class SmartexFuzzTests(ITestOutputHelper output)
{
    [Fact(Timeout = 180_000)]
    public async Task Mutated_Smartex_payloads_end_in_success_or_a_typed_exception()
    {
        var transport = new FuzzRunner.CannedTransport(_ => null);
        var client = SmartexClient.Create(Smartex.Tests.Infrastructure.TestClients.Options(), primaryHandler: transport);
        client.Tokens.Set(new SmartexStoredToken("pos", Smartex.Tests.Infrastructure.TestClients.PosToken));
        client.Tokens.Set(new SmartexStoredToken("merchant", Smartex.Tests.Infrastructure.TestClients.MerchantToken));
        var operations = Smartex.Tests.Wire.OperationCases.All
            .Select(c => (c.Key, Pax8FuzzTests.Read("Smartex", c.Value.Payload), c.Value.Call))
            .ToList();

        var report = await FuzzRunner.RunAsync("Smartex", Pax8FuzzTests.Payloads, 8_003, operations, client, transport, [Pax8FuzzTests.Read("Smartex", "error-object"), Pax8FuzzTests.Read("Smartex", "error-string"), Pax8FuzzTests.Read("Smartex", "errors-200")]);

        FuzzAssert.Clean(report, output);
    }
}

internal static class FuzzAssert
{
    public static void Clean(FuzzReport report, ITestOutputHelper output)
    {
        output.WriteLine(report.ToString());
        foreach (var line in report.Untyped.Take(40))
        {
            output.WriteLine(line);
        }

        report.Payloads.ShouldBeGreaterThanOrEqualTo(10_000);
        (report.Successes + report.TypedFailures).ShouldBe(report.Payloads, $"{report.Untyped.Count} untyped outcomes; first: {report.Untyped.FirstOrDefault()}");
        report.Untyped.ShouldBeEmpty();
    }
}
