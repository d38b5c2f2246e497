using System.Net;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

/// <summary>
/// The undocumented portal call of the experimental client (specs/pax8-experimental.yaml), served under
/// <c>/pax8/p8p/api/v3</c> with the Partner API's bearer token.
/// </summary>
public sealed class PortalTests(SharedSandbox shared) : IClassFixture<SharedSandbox>
{
    private TestSandbox TestSandbox => shared.TestSandbox;

    [Fact]
    public async Task A_company_has_a_stable_microsoft_tenant_id()
    {
        var company = (await TestSandbox.GetOkAsync("companies?size=1"))["content"]![0]!["id"]!.GetValue<string>();

        var first = await TestSandbox.GetOkAsync($"../p8p/api/v3/companies/{company}/msTenantId");
        var second = await TestSandbox.GetOkAsync($"../p8p/api/v3/companies/{company}/msTenantId");

        Guid.TryParseExact(first["tenantId"]!.GetValue<string>(), "D", out _).ShouldBeTrue();
        second["tenantId"]!.GetValue<string>().ShouldBe(first["tenantId"]!.GetValue<string>());
        first.Count.ShouldBe(1, "the observed body holds tenantId and nothing else");
    }

    [Fact]
    public async Task An_unknown_company_is_404_and_a_missing_token_is_401()
    {
        // The portal's error shape is undocumented (UNVERIFIED); the sandbox answers with the Partner API's envelope.
        var missing = await TestSandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"../p8p/api/v3/companies/{Guid.Empty}/msTenantId");
        missing!["type"]!.GetValue<string>().ShouldBe("NOT_FOUND");
        missing["status"]!.GetValue<int>().ShouldBe(404);

        await using var anonymous = await TestSandbox.StartAsync();
        await anonymous.SendExpectingAsync(HttpStatusCode.Unauthorized, HttpMethod.Get, $"../p8p/api/v3/companies/{Guid.Empty}/msTenantId");
    }
}
