using Tessera.Core.Clients;
using Tessera.Testing;

namespace Tessera.Core.Tests.Surface;

/// <summary>
/// The shared runtime's public surface as an approved listing: what client packages build on (options, runtime,
/// pipeline stages, registration, the exception hierarchy) changes only through a reviewed diff.
/// </summary>
public sealed class PublicApiSurfaceTests
{
    [Fact]
    public void Public_api_matches_the_approved_listing()
    {
        var listing = ApiListing.Of(typeof(ClientRuntime).Assembly);

        listing.ShouldMatchApproved(b => b.SubFolder("Snapshots").WithFileExtension("cs.txt").NoDiff());
    }

    [Fact]
    public void Every_public_exception_a_call_can_end_with_derives_from_ApiException()
    {
        var exceptions = typeof(ClientRuntime).Assembly.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t))
            .ToList();

        exceptions.ShouldNotBeEmpty();
        exceptions.Where(t => !typeof(Tessera.Core.Errors.ApiException).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList()
            .ShouldBe(
                ["ClientConfigurationException", "InsecureFileException"],
                "configuration errors happen before any call (a refused key file is a ClientConfigurationException, a refused token cache is logged, so InsecureFileException never ends a call); every other failure is an ApiException");
    }
}
