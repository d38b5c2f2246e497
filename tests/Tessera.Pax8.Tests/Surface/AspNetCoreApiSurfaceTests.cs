using Tessera.Pax8.AspNetCore;

namespace Tessera.Pax8.Tests.Surface;

/// <summary>The public surface of Tessera.Pax8.AspNetCore (MapPax8Webhook and its settings) as an approved listing.</summary>
public sealed class AspNetCoreApiSurfaceTests
{
    [Fact]
    public void Public_api_matches_the_approved_listing()
    {
        var listing = ApiListing.Of(typeof(Pax8WebhookOptions).Assembly);

        listing.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithFileExtension("cs.txt").NoDiff());
    }
}
