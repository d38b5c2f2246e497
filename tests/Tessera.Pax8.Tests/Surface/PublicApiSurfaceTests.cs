using Tessera.Pax8.Tests.Infrastructure;

namespace Tessera.Pax8.Tests.Surface;

/// <summary>
/// The generated and hand-written public surface of the Pax8 client as an approved listing: a
/// spec edit that renames, retypes or removes anything shows up as a reviewable diff.
/// </summary>
public sealed class PublicApiSurfaceTests
{
    [Fact]
    public void Public_api_matches_the_approved_listing()
    {
        var listing = ApiListing.Of(typeof(Pax8Client).Assembly);

        listing.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithFileExtension("cs.txt").NoDiff());
    }

    [Fact]
    public void Every_string_enum_is_extensible()
    {
        var enums = typeof(Pax8Client).Assembly.GetExportedTypes().Where(t => t.IsEnum).Select(t => t.Name).ToList();

        enums.ShouldBe(["MonthOffset"], ignoreOrder: true, "only integer enums may be closed C# enums");
    }
}
