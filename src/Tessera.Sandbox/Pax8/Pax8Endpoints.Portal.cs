using System.Text.Json.Nodes;

namespace Tessera.Sandbox.Pax8;

/// <summary>
/// The one undocumented portal call the experimental client ships (specs/pax8-experimental.yaml, reference pax8.md §4):
/// <c>GET /companies/{companyId}/msTenantId</c> under <see cref="Pax8Errors.PortalPrefix"/>, mirroring
/// <c>https://app.pax8.com/p8p/api/v3</c>. It takes the same bearer token and rate limit as the Partner API and
/// answers <c>{"tenantId": "&lt;guid&gt;"}</c>, as py-pax8 and dkschruteBeets observed.
/// </summary>
internal sealed partial class Pax8Endpoints
{
    private void MapPortal(IEndpointRouteBuilder app)
    {
        var v3 = app.MapGroup(Pax8Errors.PortalPrefix);
        v3.MapGet("/companies/{companyId}/msTenantId", Json(GetCompanyMsTenantId));
    }

    private JsonNode GetCompanyMsTenantId(HttpContext context)
    {
        lock (store.Sync)
        {
            // Derived from the company id, so a company keeps its tenant across requests and seeds without
            // drawing from the seeded generator (which would change every other seeded record).
            var company = CompanyFromRoute(context);
            return new JsonObject { ["tenantId"] = Pax8Ids.FromName("msTenantId|" + company.Id.ToString("D")).ToString("D") };
        }
    }
}
