using Tessera.SmartPay.AspNetCore;
using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Surface;

/// <summary>
/// The generated and hand-written public surface of the SmartPay client (and its ASP.NET Core webhook endpoint) as
/// approved listings: a spec edit that renames, retypes or removes anything shows up as a reviewable diff.
/// </summary>
public sealed class PublicApiSurfaceTests
{
    [Fact]
    public void Public_api_matches_the_approved_listing()
    {
        var listing = ApiListing.Of(typeof(SmartPayClient).Assembly);

        listing.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithFileExtension("cs.txt").NoDiff());
    }

    [Fact]
    public void AspNetCore_public_api_matches_the_approved_listing()
    {
        var listing = ApiListing.Of(typeof(ISmartPayWebhookHandler).Assembly);

        listing.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithFileExtension("cs.txt").NoDiff());
    }

    [Fact]
    public void Every_string_enum_is_extensible()
    {
        var enums = typeof(SmartPayClient).Assembly.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.Name).ToList();

        enums.ShouldBeEmpty("SmartPay has no closed enum of its own; settings enums live in Tessera.Core");
    }

    [Fact]
    public void The_token_is_never_a_request_parameter()
    {
        var requestTypes = typeof(SmartPayClient).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal));

        requestTypes.SelectMany(t => t.GetProperties()).Select(p => p.Name).ShouldNotContain("Token");
    }
}
