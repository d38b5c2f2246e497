using System.Reflection;
using PublicApiGenerator;

namespace Tessera.Testing;

/// <summary>
/// The public API of an assembly as C# text (PublicApiGenerator), for approval: a spec edit or code change that adds,
/// renames, retypes or removes anything public shows up as a reviewable diff.
/// </summary>
public static class ApiListing
{
    // Build metadata that changes with every toolchain release, not with the API.
    private static readonly string[] VolatileAttributes =
    [
        "System.CodeDom.Compiler.GeneratedCodeAttribute",
        "System.Runtime.Versioning.TargetFrameworkAttribute",
        "System.Reflection.AssemblyMetadataAttribute",
    ];

    /// <summary>The listing of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">A client or runtime assembly.</param>
    /// <returns>The public API as C# declarations.</returns>
    public static string Of(Assembly assembly) => assembly.GeneratePublicApi(new ApiGeneratorOptions
    {
        ExcludeAttributes = VolatileAttributes,
        IncludeAssemblyAttributes = false,
    });
}
