using System.Net;
using Tessera.Smartex.Identity;
using Tessera.Smartex.Pairing;
using Tessera.Smartex.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace Tessera.Smartex.Tests.Pairing;

public sealed class PairingTests
{
    [Fact]
    public async Task Server_initiated_pairing_claims_the_code_and_stores_the_token_under_its_facade()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("token")), facades: []);

        var stored = await client.Pairing.PairWithCodeAsync(TestClients.PairingCode);

        var request = transport.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Uri.AbsoluteUri.ShouldBe("https://smartex.io/tokens");
        WithoutGuid(request.Body!).ShouldBe(JObject.Parse($$"""{"id":"{{TestClients.Sin}}","pairingCode":"{{TestClients.PairingCode}}"}"""), JToken.EqualityComparer);
        request.Header(SmartexHeaders.Signature).ShouldBeNull("pairing is unsigned in every Smartex client");
        stored.Facade.ShouldBe("pos");
        stored.PendingApproval.ShouldBeFalse();
        stored.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1426118060704));
        client.Tokens.Get("pos")!.Token.ShouldBe(TestClients.PosToken);
        client.Pairing.IsPaired("pos").ShouldBeTrue();
        client.Pairing.Sin.ShouldBe(TestClients.Sin);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("abcdef_")]
    [InlineData("abcdefgh")]
    [InlineData("abc def")]
    [InlineData("abcdéfg")]
    public async Task Malformed_pairing_codes_are_rejected_without_echoing_them(string code)
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("token")), facades: []);

        var exception = await Should.ThrowAsync<ArgumentException>(() => client.Pairing.PairWithCodeAsync(code));

        exception.ParamName.ShouldBe("pairingCode");
        exception.Message.ShouldContain("7 letters or digits");
        if (code.Length > 0)
        {
            exception.Message.ShouldNotContain(code);
        }

        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Client_initiated_pairing_returns_the_approval_url_and_stores_the_pending_token()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("token-request")), facades: []);

        var pairing = await client.Pairing.RequestTokenAsync("merchant", label: "Shop backend");

        WithoutGuid(transport.Requests.ShouldHaveSingleItem().Body!)
            .ShouldBe(JObject.Parse($$"""{"id":"{{TestClients.Sin}}","facade":"merchant","label":"Shop backend"}"""), JToken.EqualityComparer);
        pairing.Facade.ShouldBe("merchant");
        pairing.PairingCode.ShouldBe(TestClients.ServerPairingCode);
        pairing.ExpiresAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1426204460704));
        pairing.ApprovalUrl.AbsoluteUri.ShouldBe("https://smartex.io/api-access-request?pairingCode=" + TestClients.ServerPairingCode);
        pairing.ToString().ShouldNotContain(TestClients.ServerPairingCode);
        var stored = client.Tokens.Get("merchant")!;
        stored.Token.ShouldBe(TestClients.NewToken);
        stored.PendingApproval.ShouldBeTrue();
    }

    [Fact]
    public async Task The_approval_url_follows_the_configured_environment()
    {
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("token-request")), o => o.BaseUrl = SmartexClientOptions.TestBaseUrl, facades: []);

        var pairing = await client.Pairing.RequestTokenAsync("merchant");

        pairing.ApprovalUrl.AbsoluteUri.ShouldBe("https://test.smartex.io/api-access-request?pairingCode=" + TestClients.ServerPairingCode);
    }

    [Fact]
    public async Task The_public_facade_cannot_be_requested()
    {
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json("{}"), facades: []);

        await Should.ThrowAsync<ArgumentException>(() => client.Pairing.RequestTokenAsync("public"));
    }

    [Fact]
    public async Task Listing_tokens_marks_an_approved_pairing()
    {
        var responses = new Queue<string>(["token-request", "tokens"]);
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read(responses.Dequeue())), facades: []);
        await client.Pairing.RequestTokenAsync("merchant");

        var tokens = await client.Pairing.GetTokensAsync();

        tokens.Data.Count.ShouldBe(2);
        client.Tokens.Get("merchant")!.PendingApproval.ShouldBeFalse();
        transport.Requests[1].Header(SmartexHeaders.Signature).ShouldNotBeNull("GET /tokens is signed");
    }

    [Fact]
    public async Task A_pending_token_is_marked_approved_when_Smartex_first_accepts_it()
    {
        var responses = new Queue<string>(["token-request", "invoice"]);
        var (client, _) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read(responses.Dequeue())), facades: []);
        await client.Pairing.RequestTokenAsync("merchant");
        client.Tokens.Get("merchant")!.PendingApproval.ShouldBeTrue();

        await client.GetInvoiceAsync(TestClients.InvoiceId);

        var stored = client.Tokens.Get("merchant")!;
        stored.PendingApproval.ShouldBeFalse();
        stored.Token.ShouldBe(TestClients.NewToken);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.OK)] // Smartex also reports errors inside HTTP 200 (spec decision S13)
    public async Task A_pending_token_stays_pending_while_Smartex_refuses_it(HttpStatusCode status)
    {
        var responses = new Queue<(string Body, HttpStatusCode Status)>(
        [
            (Payloads.Read("token-request"), HttpStatusCode.OK),
            ($$"""{"error":"This token is not active yet: approve its pairing code {{TestClients.ServerPairingCode}}"}""", status),
        ]);
        var (client, _) = TestClients.Canned(_ => { var (body, code) = responses.Dequeue(); return RecordingHandler.Json(body, code); }, facades: []);
        await client.Pairing.RequestTokenAsync("merchant");

        await Should.ThrowAsync<SmartexErrorException>(() => client.GetInvoiceAsync(TestClients.InvoiceId));

        client.Tokens.Get("merchant")!.PendingApproval.ShouldBeTrue();
    }

    [Fact]
    public async Task The_not_active_error_shows_the_code_to_approve()
    {
        var responses = new Queue<(string Body, HttpStatusCode Status)>(
        [
            (Payloads.Read("token-request"), HttpStatusCode.OK),
            ($$"""{"error":"This token is not active yet: approve its pairing code {{TestClients.ServerPairingCode}} at /api-access-request"}""", HttpStatusCode.Forbidden),
        ]);
        var (client, _) = TestClients.Canned(_ => { var (body, code) = responses.Dequeue(); return RecordingHandler.Json(body, code); }, facades: []);
        await client.Pairing.RequestTokenAsync("merchant");

        var exception = await Should.ThrowAsync<SmartexErrorException>(() => client.GetInvoiceAsync(TestClients.InvoiceId));

        exception.Message.ShouldContain(TestClients.ServerPairingCode, Case.Sensitive, "the user approves exactly this code");
        exception.Message.ShouldNotContain(TestClients.NewToken, Case.Sensitive);
    }

    [Fact]
    public async Task A_rejected_pairing_code_is_not_in_the_exception_message()
    {
        var (client, _) = TestClients.Canned(
            _ => RecordingHandler.Json($$"""{"error":"Pairing code {{TestClients.PairingCode}} not found"}""", HttpStatusCode.BadRequest),
            facades: []);

        var exception = await Should.ThrowAsync<SmartexErrorException>(() => client.Pairing.PairWithCodeAsync(TestClients.PairingCode));

        exception.Message.ShouldNotContain(TestClients.PairingCode);
        client.Tokens.Facades.ShouldBeEmpty();
    }

    [Fact]
    public void Pairing_code_validation_matches_the_spec_pattern()
    {
        SmartexPairing.IsValidPairingCode("abcdefg").ShouldBeTrue();
        SmartexPairing.IsValidPairingCode("A1b2C3d").ShouldBeTrue();
        SmartexPairing.IsValidPairingCode("abc_efg").ShouldBeFalse();
        SmartexPairing.IsValidPairingCode(null).ShouldBeFalse();
    }

    // Pairing requests carry a fresh guid, as PHP and the Node client send (RequestGuidTests); the rest is exact.
    private static JObject WithoutGuid(string body)
    {
        var json = JObject.Parse(body);
        Guid.TryParseExact((string?)json["guid"], "D", out _).ShouldBeTrue("a pairing request carries a fresh guid");
        json.Remove("guid");
        return json;
    }
}
