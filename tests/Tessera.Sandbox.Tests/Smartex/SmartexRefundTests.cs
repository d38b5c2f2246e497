using System.Net;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>
/// Refunds (<c>GET|POST /invoices/{id}/refunds</c>): authorised by the invoice's own resource token, signed; a paid
/// invoice takes refund requests, which its list then shows.
/// </summary>
public sealed class SmartexRefundTests
{
    private static readonly SmartexTestKey Key = SmartexTestKey.VectorA;

    [Fact]
    public async Task A_paid_invoice_takes_a_refund_request_with_its_resource_token_and_lists_it()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");
        var invoice = await sandbox.CreateInvoiceAsync(Key, pos);
        var id = invoice["id"]!.GetValue<string>();
        var token = invoice["token"]!.GetValue<string>();
        await sandbox.OkAsync(HttpMethod.Post, "/_sandbox/invoices/" + id + "/pay");

        (await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id + "/refunds?token=" + token, Key))["data"]!.AsArray().ShouldBeEmpty();
        var created = (await sandbox.OkAsync(HttpMethod.Post, "/invoices/" + id + "/refunds", Key, new { token, guid = "5b1c0e42-9d7f-4c3a-8f21-6a0e7d9b3c11", amount = 5 }))["data"]!;
        var listed = (await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id + "/refunds?token=" + token, Key))["data"]!.AsArray();

        created["id"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        created["token"]!.GetValue<string>().ShouldNotBe(token);
        created["invoiceId"]!.GetValue<string>().ShouldBe(id);
        created["guid"]!.GetValue<string>().ShouldBe("5b1c0e42-9d7f-4c3a-8f21-6a0e7d9b3c11");
        created["amount"]!.GetValue<int>().ShouldBe(5);
        created["requestDate"]!.GetValue<long>().ShouldBe(sandbox.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        listed.Single()!["id"]!.GetValue<string>().ShouldBe(created["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refunds_need_the_token_of_that_invoice_and_a_signature()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var merchant = await sandbox.PairAsync(Key, "merchant");
        var first = await sandbox.CreateInvoiceAsync(Key, merchant);
        var second = await sandbox.CreateInvoiceAsync(Key, merchant);
        var id = first["id"]!.GetValue<string>();
        var path = "/invoices/" + id + "/refunds?token=";

        (await sandbox.SendAsync(HttpMethod.Get, path + merchant, Key)).Status.ShouldBe(HttpStatusCode.Forbidden, "a facade token is not the invoice's token");
        (await sandbox.SendAsync(HttpMethod.Get, path + second["token"]!.GetValue<string>(), Key)).Status.ShouldBe(HttpStatusCode.Unauthorized, "another invoice's token");
        (await sandbox.SendAsync(HttpMethod.Get, "/invoices/" + id + "/refunds", Key)).Status.ShouldBe(HttpStatusCode.Unauthorized, "no token");
        (await sandbox.SendAsync(HttpMethod.Get, path + first["token"]!.GetValue<string>())).Status.ShouldBe(HttpStatusCode.Unauthorized, "unsigned");
        (await sandbox.SendAsync(HttpMethod.Get, "/invoices/nope/refunds?token=" + first["token"]!.GetValue<string>(), Key)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unpaid_invoice_has_nothing_to_refund()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");
        var invoice = await sandbox.CreateInvoiceAsync(Key, pos);

        var reply = await sandbox.SendAsync(HttpMethod.Post, "/invoices/" + invoice["id"] + "/refunds", Key, new { token = invoice["token"]!.GetValue<string>() });

        reply.Status.ShouldBe(HttpStatusCode.BadRequest);
        reply.Error!.ShouldContain("nothing to refund");
    }
}
