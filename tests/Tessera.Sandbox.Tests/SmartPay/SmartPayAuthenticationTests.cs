using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Tests.SmartPay;

public sealed class SmartPayAuthenticationTests
{
    [Fact]
    public async Task Authenticate_exchanges_the_api_key_for_a_token_expiring_in_an_hour()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAsync();

        var body = await sandbox.PostFormAsync("authenticate", ("api_key", "sandbox-api-key"));

        body.ShouldBeSuccess();
        body["result"]!["token"].Text().Length.ShouldBe(32);
        body["result"]!["expires_on"].Text().ShouldBe(sandbox.Clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        body["requested_on"].Text().ShouldBe("2026-03-16 15:30:00");
        sandbox.State.AuthenticateCalls.ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_or_missing_api_key_is_an_error_in_an_HTTP_200_body()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAsync();

        var wrong = await sandbox.PostFormAsync("authenticate", ("api_key", "not-the-key"));
        var missing = await sandbox.PostFormAsync("authenticate");

        wrong.ShouldBeError("1001").ShouldBe("Invalid key");
        wrong.ContainsKey("result").ShouldBeFalse();
        missing.ShouldBeError("7389");
        missing.Field("api_key").ShouldNotBeNullOrEmpty();
        sandbox.State.AuthenticateCalls.ShouldBe(2);
    }

    [Fact]
    public async Task Token_expires_after_an_hour_on_the_sandbox_clock_with_error_5783()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();
        (await sandbox.CallAsync("get_webhooks")).ShouldBeSuccess();

        sandbox.Clock.Advance(TimeSpan.FromMinutes(59));
        (await sandbox.CallAsync("get_webhooks")).ShouldBeSuccess();

        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        (await sandbox.CallAsync("get_webhooks")).ShouldBeError("5783").ShouldBe("Expired token; please reauthenticate using your API key");

        await sandbox.AuthenticateAsync();
        (await sandbox.CallAsync("get_webhooks")).ShouldBeSuccess();
        sandbox.State.AuthenticateCalls.ShouldBe(2);
    }

    [Fact]
    public async Task Unknown_missing_and_force_expired_tokens_are_rejected()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();

        (await sandbox.PostFormAsync("get_consumers", ("token", "not-a-token"))).ShouldBeError("2546").ShouldBe("Invalid token");
        var missing = await sandbox.PostFormAsync("get_consumers");
        missing.ShouldBeError("7389");
        missing.Field("token").ShouldNotBeNullOrEmpty();

        sandbox.State.ExpireAllTokens();
        (await sandbox.CallAsync("get_consumers")).ShouldBeError("5783");
    }

    [Fact]
    public async Task Other_methods_unknown_endpoints_and_retired_versions_answer_with_error_envelopes()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAsync();

        using var get = await sandbox.Http.GetAsync("get_consumers");
        get.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        get.Content.Headers.Allow.ShouldContain("POST");
        JsonNode.Parse(await get.Content.ReadAsStringAsync())!["errors"]!["4347"].Text().ShouldBe("Invalid endpoint");

        using var unknown = await sandbox.Http.PostAsync("get_everything", new FormUrlEncodedContent([]));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["errors"]!["4347"].ShouldNotBeNull();

        using var retired = await sandbox.Http.PostAsync("/smartpay/1-0/get_consumers", new FormUrlEncodedContent([]));
        retired.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await retired.Content.ReadAsStringAsync())!["errors"]!["8752"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Unknown_inputs_are_ignored_with_warning_2201_and_malformed_json_is_7389()
    {
        await using var sandbox = await SmartPayTestSandbox.StartAuthenticatedAsync();

        var body = await sandbox.CallAsync("get_webhooks", ("colour", "blue"), ("format", "json"));
        body.ShouldBeSuccess();
        body["warnings"]!["2201"].Text().ShouldEndWith(": colour");

        using var content = new StringContent("{\"token\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await sandbox.Http.PostAsync("get_webhooks", content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["7389"].ShouldNotBeNull();
    }
}
