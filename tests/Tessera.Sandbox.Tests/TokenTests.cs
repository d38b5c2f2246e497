using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class TokenTests
{
    [Fact]
    public async Task Token_with_valid_credentials_returns_the_documented_fields()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var body = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "token", TestSandbox.TokenRequest()))!;

        body["access_token"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body["token_type"]!.GetValue<string>().ShouldBe("Bearer");
        body["expires_in"]!.GetValue<int>().ShouldBe(86400);
        body["scope"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace(); // D12
        DateTimeOffset.Parse(body["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(sandbox.Clock.GetUtcNow().AddHours(24), TimeSpan.FromSeconds(1)); // D12
        sandbox.State.TokenRequests.ShouldBe(1);
    }

    [Theory]
    [InlineData("sandbox-client", "wrong-secret")]
    [InlineData("someone-else", "sandbox-secret")]
    public async Task Token_with_wrong_credentials_is_401_access_denied(string clientId, string secret)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var body = await sandbox.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "token", TestSandbox.TokenRequest(clientId, secret));

        body!.ToJsonString().ShouldBe("""{"error":"access_denied","error_description":"Unauthorized"}""");
        sandbox.State.TokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Token_with_wrong_grant_type_or_audience_or_body_is_an_OAuth_error()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        (await sandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "token", TestSandbox.TokenRequest(grantType: "password")))!["error"]!
            .GetValue<string>().ShouldBe("unsupported_grant_type");
        (await sandbox.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Post, "token", TestSandbox.TokenRequest(audience: "https://example.com")))!["error"]!
            .GetValue<string>().ShouldBe("access_denied");
        (await sandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "token", "{not json"))!["error"]!
            .GetValue<string>().ShouldBe("invalid_request");
        (await sandbox.SendExpectingAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "token", new { client_id = "sandbox-client" }))!["error"]!
            .GetValue<string>().ShouldBe("invalid_request");
    }

    [Fact]
    public async Task Legacy_audience_is_accepted()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var token = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "token", TestSandbox.TokenRequest(audience: "api://p8p.client")))!;

        token["access_token"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Token_expires_after_its_lifetime_on_the_sandbox_clock()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(options => options.Pax8TokenLifetime = TimeSpan.FromMinutes(5));
        await sandbox.GetOkAsync("products");

        sandbox.Clock.Advance(TimeSpan.FromMinutes(4));
        await sandbox.GetOkAsync("products");

        sandbox.Clock.Advance(TimeSpan.FromMinutes(1));
        var body = await sandbox.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "products");
        body.ShouldBeError(401, "UNAUTHORIZED");

        await sandbox.AuthorizeAsync();
        await sandbox.GetOkAsync("products");
        sandbox.State.TokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task ExpireAllTokens_forces_a_401_until_a_new_token_is_fetched()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        await sandbox.GetOkAsync("companies");

        sandbox.State.ExpireAllTokens();

        using (var response = await sandbox.Http.GetAsync("companies"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
        }

        await sandbox.AuthorizeAsync();
        await sandbox.GetOkAsync("companies");
    }

    [Fact]
    public async Task Requests_without_or_with_an_unknown_token_are_401_with_the_error_body()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var missing = await sandbox.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "companies");
        missing.ShouldBeError(401, "UNAUTHORIZED");
        missing!["instance"]!.GetValue<string>().ShouldBe("/public/v1/companies");
        missing["details"]!.AsArray().ShouldBeEmpty();

        sandbox.Http.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        (await sandbox.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "orders")).ShouldBeError(401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Vendor_audience_tokens_are_not_accepted_by_partner_operations()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var response = await sandbox.Http.PostAsJsonAsync("token", TestSandbox.TokenRequest(audience: "api://usage"));
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        sandbox.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        (await sandbox.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, "companies")).ShouldBeError(401, "UNAUTHORIZED");
    }
}
