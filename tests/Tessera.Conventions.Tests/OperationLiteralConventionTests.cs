using System.Text.Json.Nodes;
using SpecTool.Yaml;

namespace Tessera.Conventions.Tests;

/// <summary>
/// Hand-written client code reads what an operation is from its descriptor (generated from the spec), never by
/// matching operation ids or paths: no string literal in the clients or the runtime spells one.
/// </summary>
public sealed class OperationLiteralConventionTests
{
    private static readonly string[] ClientProjects = ["Tessera.Core", "Tessera.Pax8", "Tessera.SmartPay", "Tessera.SmartPay.AspNetCore", "Tessera.Smartex"];

    [Fact]
    public void No_operation_id_or_path_is_spelled_in_hand_written_client_code()
    {
        var literals = new HashSet<string>(StringComparer.Ordinal);
        var segments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in Directory.GetFiles(Repository.PathOf("specs"), "*.yaml"))
        {
            var document = YamlDocument.Load(spec);
            foreach (var (path, item) in document["paths"] as JsonObject ?? [])
            {
                literals.Add(path);
                if (path.TrimStart('/').Contains('/', StringComparison.Ordinal))
                {
                    literals.Add(path.TrimStart('/'));
                }

                // A single segment ("invoices", "token") is also an ordinary word; it counts only where a path is matched.
                segments.UnionWith(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => !segment.StartsWith('{')));
                foreach (var (_, operation) in item as JsonObject ?? [])
                {
                    if (operation is JsonObject op && op["operationId"] is JsonValue id)
                    {
                        literals.Add(id.GetValue<string>());
                    }
                }
            }
        }

        literals.Count.ShouldBeGreaterThan(50);
        var files = Repository.TrackedFiles()
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && ClientProjects.Any(p => f.StartsWith($"src/{p}/", StringComparison.Ordinal)))
            .ToDictionary(f => f, f => File.ReadAllText(Repository.PathOf(f)));
        var offenders = files
            .SelectMany(file => literals.Where(l => file.Value.Contains('"' + l + '"', StringComparison.Ordinal)).Select(l => $"{file.Key}: \"{l}\""))
            .Concat(files.SelectMany(file => segments
                .Where(segment => new[] { "EndsWith", "StartsWith", "Contains", "Equals" }.Any(m => file.Value.Contains($"{m}(\"{segment}\"", StringComparison.Ordinal)))
                .Select(segment => $"{file.Key}: path segment \"{segment}\" matched")))
            .ToList();

        offenders.ShouldBeEmpty();
    }
}
