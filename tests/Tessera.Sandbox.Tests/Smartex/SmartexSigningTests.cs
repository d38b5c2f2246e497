using System.Net;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>The signature and token gate over HTTP: signed requests pass, anything altered after signing does not.</summary>
public sealed class SmartexSigningTests
{
    private static readonly SmartexTestKey Key = SmartexTestKey.VectorA;

    [Fact]
    public async Task Signed_request_is_accepted()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var token = await sandbox.PairAsync(Key, "merchant");

        var tokens = await sandbox.OkAsync(HttpMethod.Get, "/tokens", Key);
        tokens["data"]!.AsArray().Single()!["merchant"]!.GetValue<string>().ShouldBe(token);

        var list = await sandbox.OkAsync(HttpMethod.Get, "/invoices?token=" + token + "&dateStart=2026-03-01", Key);
        list["data"]!.AsArray().Count.ShouldBeGreaterThan(0);
        sandbox.State.SignedRequests.ShouldBe(2);
        sandbox.State.RejectedSignatures.ShouldBe(0);
    }

    [Fact]
    public async Task High_s_signature_from_a_random_k_client_is_accepted()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        await sandbox.PairAsync(Key, "pos");
        var url = sandbox.BaseUrl + "/tokens";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Identity", Key.PublicKeyHex.ToUpperInvariant());
        request.Headers.Add("X-Signature", SmartexTestKey.HighS(Key.Sign(url)));

        using var response = await sandbox.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tampered_url_query_body_or_key_is_rejected()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var merchant = await sandbox.PairAsync(Key, "merchant");
        var body = new JsonObject { ["price"] = 20, ["currency"] = "USD", ["token"] = merchant }.ToJsonString();
        var baseUrl = sandbox.BaseUrl;

        // Signed for another path.
        var url = await sandbox.SendRawAsync(HttpMethod.Post, baseUrl + "/invoices", body, Key, signedUrl: baseUrl + "/bills", signedBody: null);
        // Signed with another query (a wider date window than the one sent).
        var query = await sandbox.SendRawAsync(
            HttpMethod.Get, baseUrl + "/invoices?token=" + merchant + "&dateStart=2026-03-01", null, Key, signedUrl: baseUrl + "/invoices?token=" + merchant + "&dateStart=2026-01-01", signedBody: null);
        // Price changed after signing.
        var tamperedBody = await sandbox.SendRawAsync(HttpMethod.Post, baseUrl + "/invoices", body.Replace("20", "2", StringComparison.Ordinal), Key, signedUrl: null, signedBody: body);
        // Whitespace added after signing: the exact bytes are signed.
        var reformatted = await sandbox.SendRawAsync(HttpMethod.Post, baseUrl + "/invoices", body.Replace(",", ", ", StringComparison.Ordinal), Key, signedUrl: null, signedBody: body);
        // Signed by another key than X-Identity names.
        var wrongKey = await sandbox.SendRawAsync(HttpMethod.Post, baseUrl + "/invoices", body, SmartexTestKey.VectorC, null, null, identity: Key.PublicKeyHex);
        // Signed over a different host (what the client would sign without PublicBaseUrl configured).
        var otherHost = await sandbox.SendRawAsync(HttpMethod.Post, baseUrl + "/invoices", body, Key, signedUrl: "https://smartex.io/invoices", signedBody: null);

        foreach (var reply in new[] { url, query, tamperedBody, reformatted, wrongKey, otherHost })
        {
            reply.Status.ShouldBe(HttpStatusCode.BadRequest, reply.Text);
            reply.Error.ShouldBe("Invalid signature");
        }

        sandbox.State.RejectedSignatures.ShouldBe(6);
        sandbox.State.CreatedInvoiceIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Missing_or_malformed_signature_is_rejected_where_required()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");

        var unsigned = await sandbox.SendAsync(HttpMethod.Post, "/invoices", key: null, body: new { price = 20, currency = "USD", token = pos });
        unsigned.Status.ShouldBe(HttpStatusCode.Unauthorized);
        unsigned.Error.ShouldNotBeNullOrWhiteSpace();
        (await sandbox.SendAsync(HttpMethod.Get, "/tokens")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await sandbox.SendAsync(HttpMethod.Get, "/ledgers?token=" + pos)).Status.ShouldBe(HttpStatusCode.Unauthorized);

        var badIdentity = await sandbox.SendRawAsync(HttpMethod.Get, sandbox.BaseUrl + "/tokens", null, Key, null, null, identity: "04abcd");
        badIdentity.Status.ShouldBe(HttpStatusCode.BadRequest);
        badIdentity.Error!.ShouldStartWith("Invalid X-Identity");

        sandbox.State.RejectedSignatures.ShouldBe(4);
    }

    [Fact]
    public async Task Public_operations_need_no_signature()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();

        var rates = await sandbox.OkAsync(HttpMethod.Get, "/rates");
        rates["data"]!.AsArray().Select(rate => rate!["code"]!.GetValue<string>()).ShouldContain("USD");
        var currencies = await sandbox.OkAsync(HttpMethod.Get, "/currencies");
        currencies["data"]!.AsArray().Select(currency => currency!["code"]!.GetValue<string>()).ShouldContain("ETH");

        var merchant = await sandbox.PairAsync(Key, "merchant");
        var invoice = await sandbox.CreateInvoiceAsync(Key, merchant, new { posData = "{\"cart\":1}", orderID = "A-1" });
        var id = invoice["id"]!.GetValue<string>();

        var publicView = await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id);
        publicView["facade"]!.GetValue<string>().ShouldBe("public/invoice");
        publicView["data"]!["status"]!.GetValue<string>().ShouldBe("new");
        publicView["data"]!.AsObject().ContainsKey("token").ShouldBeFalse();
        publicView["data"]!.AsObject().ContainsKey("posData").ShouldBeFalse();

        var merchantView = await sandbox.OkAsync(HttpMethod.Get, "/invoices/" + id + "?token=" + merchant, Key);
        merchantView["facade"]!.GetValue<string>().ShouldBe("merchant/invoice");
        merchantView["data"]!["token"]!.GetValue<string>().ShouldBe(invoice["token"]!.GetValue<string>());
        merchantView["data"]!["orderId"]!.GetValue<string>().ShouldBe("A-1");

        // A token without a signature is not the public variant.
        (await sandbox.SendAsync(HttpMethod.Get, "/invoices/" + id + "?token=" + merchant)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await sandbox.SendAsync(HttpMethod.Get, "/invoices/NoSuchInvoice")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_must_match_the_signer_and_the_facade()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var pos = await sandbox.PairAsync(Key, "pos");
        var merchant = await sandbox.PairAsync(Key, "merchant");
        var otherMerchant = await sandbox.PairAsync(SmartexTestKey.VectorC, "merchant");

        // pos cannot list invoices, read ledgers or bills.
        var posList = await sandbox.SendAsync(HttpMethod.Get, "/invoices?token=" + pos + "&dateStart=2026-01-01", Key);
        posList.Status.ShouldBe(HttpStatusCode.Forbidden);
        posList.Error!.ShouldContain("pos facade");
        (await sandbox.SendAsync(HttpMethod.Get, "/ledgers?token=" + pos, Key)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await sandbox.SendAsync(HttpMethod.Get, "/bills?token=" + pos, Key)).Status.ShouldBe(HttpStatusCode.Forbidden);

        // Both pos and merchant create invoices.
        (await sandbox.CreateInvoiceAsync(Key, pos))["status"]!.GetValue<string>().ShouldBe("new");
        (await sandbox.CreateInvoiceAsync(Key, merchant))["status"]!.GetValue<string>().ShouldBe("new");

        // Another identity's token, correctly signed by this identity: not paired with it.
        var stolen = await sandbox.SendAsync(HttpMethod.Get, "/ledgers?token=" + otherMerchant, Key);
        stolen.Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await sandbox.SendAsync(HttpMethod.Get, "/ledgers?token=unknown", Key)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await sandbox.SendAsync(HttpMethod.Get, "/ledgers", Key)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await sandbox.SendAsync(HttpMethod.Get, "/ledgers?token=" + otherMerchant, SmartexTestKey.VectorC)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Public_base_url_signatures_are_verified()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync(options => options.PublicBaseUrl = new Uri("https://smartex.example.test/"));
        var merchant = await sandbox.PairAsync(Key, "merchant");
        var sentUrl = sandbox.BaseUrl + "/ledgers?token=" + merchant;

        // The client asked the proxy for https://smartex.example.test/ledgers?token=… and signed that.
        var viaProxy = await sandbox.SendRawAsync(HttpMethod.Get, sentUrl, null, Key, signedUrl: "https://smartex.example.test/ledgers?token=" + merchant, signedBody: null);
        viaProxy.Status.ShouldBe(HttpStatusCode.OK, viaProxy.Text);
        // The sandbox's own URL still works.
        (await sandbox.SendRawAsync(HttpMethod.Get, sentUrl, null, Key, null, null)).Status.ShouldBe(HttpStatusCode.OK);
        // A public URL with the /smartex prefix kept is not what a client of the public base signs.
        (await sandbox.SendRawAsync(HttpMethod.Get, sentUrl, null, Key, signedUrl: "https://smartex.example.test/smartex/ledgers?token=" + merchant, signedBody: null))
            .Status.ShouldBe(HttpStatusCode.BadRequest);

        await using var plain = await SmartexTestSandbox.StartAsync();
        var plainMerchant = await plain.PairAsync(Key, "merchant");
        (await plain.SendRawAsync(HttpMethod.Get, plain.BaseUrl + "/ledgers?token=" + plainMerchant, null, Key, signedUrl: "https://smartex.example.test/ledgers?token=" + plainMerchant, signedBody: null))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
