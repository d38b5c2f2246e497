using System.Text.RegularExpressions;

namespace Tessera.Conventions.Tests;

/// <summary>
/// Every NSwag template of ours says where it comes from (a fork of an upstream template, or our own) and which NSwag
/// version it was reviewed for. When Directory.Packages.props moves NSwag.MSBuild to another version, these tests fail
/// until each template has been compared with the new upstream one and its header updated.
/// </summary>
public sealed partial class TemplateConventionTests
{
    public static TheoryData<string> Templates() =>
        [.. Directory.GetFiles(Repository.PathOf("build", "nswag", "templates"), "*.liquid").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_template_names_its_origin_and_the_nswag_version_it_was_reviewed_for(string template)
    {
        var text = File.ReadAllText(Repository.PathOf("build", "nswag", "templates", template));
        var header = text.StartsWith("{%- comment -%}", StringComparison.Ordinal)
            ? text[..text.IndexOf("{%- endcomment -%}", StringComparison.Ordinal)]
            : string.Empty;

        header.ShouldNotBeEmpty($"{template} starts with a {{%- comment -%}} header");
        (header.Contains("Forked from", StringComparison.Ordinal) || header.Contains("Ours", StringComparison.Ordinal)).ShouldBeTrue($"{template} says whether it is a fork or ours");
        var reviewed = ReviewedFor().Match(header);
        reviewed.Success.ShouldBeTrue($"{template} names the NSwag version it was reviewed for");
        reviewed.Groups["version"].Value.ShouldBe(PinnedNSwagVersion(), $"{template} was reviewed for another NSwag than the one Directory.Packages.props pins: compare it with the new upstream template, then update its header");
    }

    [Fact]
    public void Forked_templates_mark_their_changes()
    {
        foreach (var template in new[] { "Client.Class.liquid", "Client.Class.PathParameter.liquid" })
        {
            File.ReadAllText(Repository.PathOf("build", "nswag", "templates", template)).ShouldContain("fork", Case.Sensitive, template);
        }
    }

    private static string PinnedNSwagVersion()
    {
        var props = File.ReadAllText(Repository.PathOf("Directory.Packages.props"));
        var version = PinnedVersion().Match(props).Groups["version"].Value;
        version.ShouldNotBeNullOrEmpty("NSwag.MSBuild is pinned in Directory.Packages.props");
        return version;
    }

    [GeneratedRegex(@"Reviewed for: (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex ReviewedFor();

    [GeneratedRegex("""<PackageVersion Include="NSwag.MSBuild" Version="(?<version>[^"]+)" />""")]
    private static partial Regex PinnedVersion();
}
