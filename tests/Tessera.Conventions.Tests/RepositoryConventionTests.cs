using System.Text.RegularExpressions;

namespace Tessera.Conventions.Tests;

/// <summary>Rules of the repository, enforced (Octokit-style convention tests).</summary>
public sealed partial class RepositoryConventionTests
{
    [Fact]
    public void The_discrepancy_register_matches_the_specs()
    {
        var register = SpecTool.Discrepancies.DiscrepancyRegister.Render(Repository.PathOf("specs"));

        File.ReadAllText(Repository.PathOf("docs", "discrepancies.md")).ShouldBe(register, "run `dotnet run --project build/SpecTool -- discrepancies` and commit docs/discrepancies.md");
    }

    [Fact]
    public void Generated_code_is_never_committed()
    {
        var committed = Repository.TrackedFiles()
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(Repository.PathOf(f)).Contains(GeneratedMarker, StringComparison.Ordinal));

        committed.ShouldBeEmpty();
    }

    // Split so that this file does not carry the marker it looks for.
    private const string GeneratedMarker = "Generated using the " + "NSwag toolchain";

    [Fact]
    public void Received_snapshots_are_never_committed()
    {
        Repository.TrackedFiles().Where(f => f.Contains(".received.", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_hand_written_source_file_declares_at_most_one_public_type()
    {
        var offenders = Repository.TrackedFiles()
            .Where(f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => (File: f, Types: PublicTypeDeclaration().Matches(File.ReadAllText(Repository.PathOf(f))).Count))
            .Where(x => x.Types > 1 && !x.File.EndsWith("PagedResponses.cs", StringComparison.Ordinal))
            .Select(x => $"{x.File} ({x.Types})");

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Every_spec_is_referenced_by_a_client_project()
    {
        var projects = Repository.TrackedFiles().Where(f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".csproj", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(Repository.PathOf(f)))
            .ToList();
        var specs = Repository.TrackedFiles().Where(f => f.StartsWith("specs/", StringComparison.Ordinal) && f.EndsWith(".yaml", StringComparison.Ordinal));

        specs.Where(spec => !projects.Any(p => p.Contains(spec, StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void Every_package_has_a_consumer_readme_of_its_own()
    {
        // The repository README is about building this repository; a package's page is for the people who use it.
        var packages = Repository.TrackedFiles()
            .Where(f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(f => !f.Contains("Sandbox", StringComparison.Ordinal) && !f.Contains("Cli", StringComparison.Ordinal));

        packages.Where(f => !File.Exists(Repository.PathOf(Path.GetDirectoryName(f)!, "README.md")))
            .ShouldBeEmpty();
        foreach (var readme in packages.Select(f => Repository.PathOf(Path.GetDirectoryName(f)!, "README.md")))
        {
            File.ReadAllText(readme).ShouldNotContain("](docs/", Case.Sensitive, $"{readme}: relative links break on nuget.org");
        }
    }

    // A top-level public class/struct/record/interface/enum declaration (partial extensions of generated types count too).
    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|readonly|partial)\s+)*(?:class|struct|record|interface|enum)\s", RegexOptions.Multiline)]
    private static partial Regex PublicTypeDeclaration();
}
