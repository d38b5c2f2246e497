using Generated.Smartex.Tokens;
using Newtonsoft.Json.Linq;

namespace Generated.Smartex.Tests.Tokens;

/// <summary>
/// The hand-written facade map must match specs/smartex.yaml. The spec is read in its prepared JSON form
/// (obj/Generated/SmartexClient.spec.json, written by build/SpecTool from the YAML on every build).
/// </summary>
public sealed class FacadeMapTests
{
    [Fact]
    public void Facade_map_matches_the_spec()
    {
        var spec = JObject.Parse(File.ReadAllText(PreparedSpecPath()));
        var globalSecurity = (JArray)spec["security"]!;
        var fromSpec = new Dictionary<string, SmartexOperationFacades>(StringComparer.Ordinal);
        foreach (var path in ((JObject)spec["paths"]!).Properties())
        {
            foreach (var method in ((JObject)path.Value).Properties().Where(p => p.Value is JObject op && op["operationId"] is not null))
            {
                var operation = (JObject)method.Value;
                var id = (string)operation["operationId"]!;
                var facades = operation["x-smartex-facades"] is JArray list
                    ? list.Select(f => (string)f!).ToList()
                    : [(string)operation["x-smartex-facade"].ShouldNotBeNull($"{id} has no x-smartex-facade")!];
                if (operation["x-smartex-facade"] is { } preferred)
                {
                    facades[0].ShouldBe((string)preferred!, $"{id}: x-smartex-facade must be the first of x-smartex-facades");
                }

                var security = (operation["security"] as JArray ?? globalSecurity).Cast<JObject>().ToList();
                var signed = security.Any(requirement => requirement.ContainsKey("Identity"));
                var unsigned = security.Any(requirement => !requirement.ContainsKey("Identity"));
                fromSpec[id] = new SmartexOperationFacades(id, facades, signed, unsigned);
            }
        }

        fromSpec.Keys.Order(StringComparer.Ordinal).ShouldBe(SmartexFacadeMap.Operations.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, expected) in fromSpec)
        {
            var actual = SmartexFacadeMap.Operations[id];
            actual.Facades.ShouldBe(expected.Facades, $"facades of {id}");
            actual.Signed.ShouldBe(expected.Signed, $"signing of {id}");
            actual.PublicUnsigned.ShouldBe(expected.PublicUnsigned, $"unsigned public variant of {id}");
        }
    }

    [Fact]
    public void Every_generated_operation_is_in_the_map()
    {
        var operations = typeof(ISmartexClient).GetMethods()
            .Select(m => char.ToLowerInvariant(m.Name[0]) + m.Name[1..^"Async".Length])
            .Distinct();

        operations.ShouldBe(SmartexFacadeMap.Operations.Keys, ignoreOrder: true);
    }

    [Fact]
    public void Yaml_source_names_the_same_facades()
    {
        // A minimal scan of the YAML itself, so the check does not depend only on the prepared JSON.
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "specs", "smartex.yaml"));
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("operationId: ", StringComparison.Ordinal))
            {
                current = trimmed["operationId: ".Length..];
            }
            else if (current is not null && trimmed.StartsWith("x-smartex-facade: ", StringComparison.Ordinal))
            {
                found[current] = trimmed["x-smartex-facade: ".Length..];
                current = null;
            }
        }

        found.Count.ShouldBe(SmartexFacadeMap.Operations.Count);
        foreach (var (id, facade) in found)
        {
            SmartexFacadeMap.Operations[id].Facades[0].ShouldBe(facade, id);
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static string PreparedSpecPath() =>
        Path.Combine(RepositoryRoot(), "src", "Generated.Smartex", "obj", "Generated", "SmartexClient.spec.json");
}
