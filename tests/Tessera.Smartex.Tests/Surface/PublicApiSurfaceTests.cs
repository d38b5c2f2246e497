using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Surface;

/// <summary>
/// The generated and hand-written public surface of the Smartex client as an approved listing: a spec edit that
/// renames, retypes or removes anything shows up as a reviewable diff.
/// </summary>
public sealed class PublicApiSurfaceTests
{
    [Fact]
    public void Public_api_matches_the_approved_listing()
    {
        var listing = ApiListing.Of(typeof(SmartexClient).Assembly);

        listing.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithFileExtension("cs.txt").NoDiff());
    }

    [Fact]
    public void Every_string_enum_is_extensible()
    {
        var enums = typeof(SmartexClient).Assembly.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.Name).ToList();

        enums.ShouldBe(["SmartexIpnRejection"], ignoreOrder: true, "only our own closed reasons may be C# enums");
    }
}
