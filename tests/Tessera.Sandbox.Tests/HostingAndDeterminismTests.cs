using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class HostingAndDeterminismTests
{
    [Fact]
    public async Task Same_seed_and_month_give_the_same_data()
    {
        await using var first = await TestSandbox.StartAuthorizedAsync();
        await using var second = await TestSandbox.StartAuthorizedAsync();

        foreach (var path in (string[])["companies", "subscriptions?size=50", "orders?size=20", "invoices?size=20"])
        {
            (await first.GetOkAsync(path)).ToJsonString().ShouldBe((await second.GetOkAsync(path)).ToJsonString(), path);
        }
    }

    [Fact]
    public async Task Another_seed_gives_other_data()
    {
        await using var first = await TestSandbox.StartAuthorizedAsync();
        await using var second = await TestSandbox.StartAuthorizedAsync(options => options.Seed = 7);

        (await first.GetOkAsync("companies")).ToJsonString().ShouldNotBe((await second.GetOkAsync("companies")).ToJsonString());
        (await first.GetOkAsync("products")).ToJsonString().ShouldBe((await second.GetOkAsync("products")).ToJsonString()); // the catalogue is fixed
    }

    [Fact]
    public async Task Company_count_is_configurable()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync(options => options.Pax8CompanyCount = 25);

        (await sandbox.GetOkAsync("companies"))["page"]!["totalElements"]!.GetValue<long>().ShouldBe(25);
        sandbox.State.CompanyCount.ShouldBe(25);
    }

    [Fact]
    public async Task Kestrel_sandbox_listens_on_a_free_loopback_port()
    {
        await using var running = await SandboxServer.StartAsync(new SandboxOptions { Pax8CompanyCount = 5 });
        using var http = new HttpClient(running.CreateHandler()) { BaseAddress = running.Pax8BaseUrl };

        running.BaseAddress.Host.ShouldBe("127.0.0.1");
        running.BaseAddress.Port.ShouldBeGreaterThan(0);
        running.Pax8BaseUrl.ToString().ShouldBe(running.BaseAddress + "pax8/v1/");
        running.Pax8TokenUrl.ToString().ShouldBe(running.BaseAddress + "pax8/v1/token");
        using var response = await http.PostAsJsonAsync(running.Pax8TokenUrl, TestSandbox.TokenRequest());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        running.Pax8.TokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Request_log_records_method_path_and_status()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.SendAsync(HttpMethod.Get, "companies");
        await sandbox.AuthorizeAsync();
        await sandbox.GetOkAsync("products?size=1");

        sandbox.State.RequestLog.ShouldBe(
        [
            ("GET", "/pax8/v1/companies", 401),
            ("POST", "/pax8/v1/token", 200),
            ("GET", "/pax8/v1/products", 200),
        ]);
    }

    [Fact]
    public async Task Responses_are_camelCase_json_without_nulls_for_absent_optional_fields()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        using var response = await sandbox.Http.GetAsync("companies?size=50");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var companies = (await response.Content.ReadFromJsonAsync<JsonObject>())!["content"]!.AsArray();

        companies.ShouldAllBe(company => company!.AsObject().All(property => property.Value != null));
        companies.ShouldContain(company => !company!.AsObject().ContainsKey("externalId"));
    }
}
