using System.Net;

namespace Tessera.Sandbox.Tests.Smartex;

/// <summary>Server-initiated (dashboard code) and client-initiated (approval URL) pairing.</summary>
public sealed class SmartexPairingTests
{
    private static readonly SmartexTestKey Key = SmartexTestKey.VectorA;

    [Fact]
    public async Task Server_initiated_pairing_claims_a_dashboard_code()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var issued = await sandbox.OkAsync(HttpMethod.Post, "/_sandbox/pairing-codes", body: new { facade = "pos" });
        var code = issued["data"]!["pairingCode"]!.GetValue<string>();
        code.ShouldMatch("^[A-Za-z0-9]{7}$");

        var reply = await sandbox.OkAsync(HttpMethod.Post, "/tokens", body: new { id = Key.Sin, pairingCode = code, label = "till 1" });

        var token = reply["data"]![0]!;
        token["facade"]!.GetValue<string>().ShouldBe("pos");
        token["label"]!.GetValue<string>().ShouldBe("till 1");
        token["policies"]![0]!["params"]![0]!.GetValue<string>().ShouldBe(Key.Sin);
        token["dateCreated"]!.GetValue<long>().ShouldBe(sandbox.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        var value = token["token"]!.GetValue<string>();
        sandbox.State.IsTokenActive(value).ShouldBeTrue();
        sandbox.State.CreatedTokenIds.ShouldBe([value]);
        (await sandbox.OkAsync(HttpMethod.Get, "/tokens", Key))["data"]![0]!["pos"]!.GetValue<string>().ShouldBe(value);

        // A code is claimed once.
        var again = await sandbox.SendAsync(HttpMethod.Post, "/tokens", body: new { id = SmartexTestKey.VectorC.Sin, pairingCode = code });
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Client_initiated_pairing_is_pending_until_approved()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var reply = await sandbox.OkAsync(HttpMethod.Post, "/tokens", body: new { id = Key.Sin, facade = "merchant" });
        var pending = reply["data"]![0]!;
        var token = pending["token"]!.GetValue<string>();
        var code = pending["pairingCode"]!.GetValue<string>();
        pending["policies"]![0]!["method"]!.GetValue<string>().ShouldBe("inactive");
        pending["pairingExpiration"]!.GetValue<long>().ShouldBe(sandbox.Clock.GetUtcNow().AddHours(24).ToUnixTimeMilliseconds());

        var early = await sandbox.SendAsync(HttpMethod.Get, "/ledgers?token=" + token, Key);
        early.Status.ShouldBe(HttpStatusCode.Forbidden);
        (await sandbox.OkAsync(HttpMethod.Get, "/tokens", Key))["data"]!.AsArray().ShouldBeEmpty();

        // The merchant opens the approval URL the client printed.
        using var page = await sandbox.Http.GetAsync(sandbox.BaseUrl + "/api-access-request?pairingCode=" + code);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("approved");

        (await sandbox.SendAsync(HttpMethod.Get, "/ledgers?token=" + token, Key)).Status.ShouldBe(HttpStatusCode.OK);
        (await sandbox.OkAsync(HttpMethod.Get, "/tokens", Key))["data"]![0]!["merchant"]!.GetValue<string>().ShouldBe(token);
    }

    [Fact]
    public async Task Pairing_codes_expire()
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();
        var dashboardCode = sandbox.State.IssuePairingCode("merchant");
        var request = await sandbox.OkAsync(HttpMethod.Post, "/tokens", body: new { id = Key.Sin, facade = "pos" });
        var clientCode = request["data"]![0]!["pairingCode"]!.GetValue<string>();

        sandbox.Clock.Advance(TimeSpan.FromHours(25));

        (await sandbox.SendAsync(HttpMethod.Post, "/tokens", body: new { id = Key.Sin, pairingCode = dashboardCode })).Status.ShouldBe(HttpStatusCode.BadRequest);
        using var page = await sandbox.Http.GetAsync(sandbox.BaseUrl + "/api-access-request?pairingCode=" + clientCode);
        page.StatusCode.ShouldBe(HttpStatusCode.Gone);
        Should.Throw<InvalidOperationException>(() => sandbox.State.Approve(clientCode));
        Should.Throw<KeyNotFoundException>(() => sandbox.State.Approve("zzzzzzz"));
    }

    [Theory]
    [InlineData("{\"id\":\"Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ\"}")] // neither code nor facade
    [InlineData("{\"id\":\"Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ\",\"facade\":\"pos\",\"pairingCode\":\"abcdefg\"}")] // both
    [InlineData("{\"id\":\"Tf1Jc1xSbqasm5QLwwSQc5umddx2h7mAMhX\",\"facade\":\"pos\"}")] // bad SIN checksum
    [InlineData("{\"id\":\"Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ\",\"facade\":\"payroll\"}")] // not pairable
    [InlineData("{\"id\":\"Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ\",\"pairingCode\":\"abc\"}")] // not 7 characters
    [InlineData("{\"id\":\"Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ\",\"pairingCode\":\"abcdefg\"}")] // never issued
    [InlineData("not json")]
    public async Task Invalid_pairing_requests_are_rejected(string body)
    {
        await using var sandbox = await SmartexTestSandbox.StartAsync();

        var reply = await sandbox.SendAsync(HttpMethod.Post, "/tokens", body: body);

        reply.Status.ShouldBe(HttpStatusCode.BadRequest, reply.Text);
        reply.Error.ShouldNotBeNullOrWhiteSpace();
    }
}
