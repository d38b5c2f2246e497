using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Surface;

/// <summary>
/// The generated and hand-written public surface of the Smartex client as an approved listing: a spec edit that
/// renames, retypes or removes anything shows up as a reviewable diff.
/// </summary>
public sealed class PublicApiSurfaceTests
{
    /// <summary>
    /// A generated member a user sees reads as the vendor's field: NSwag renames a property that would clash with its
    /// class (<c>Rate.rate</c> became <c>Rate1</c>) and mangles odd names; only case and separators may differ.
    /// </summary>
    [Fact]
    public void Every_generated_property_is_named_after_its_wire_field()
    {
        static string Normalized(string name) => new([.. name.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
        var mismatches = typeof(SmartexClient).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetProperties().Select(property => (type, property)))
            .Select(p => (p.type, p.property, wire: System.Reflection.CustomAttributeExtensions.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>(p.property)?.PropertyName))
            .Where(p => p.wire is not null && Normalized(p.property.Name) != Normalized(p.wire))
            .Select(p => $"{p.type.Name}.{p.property.Name} (wire \"{p.wire}\")")
            .ToList();

        mismatches.ShouldBeEmpty();
    }

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
