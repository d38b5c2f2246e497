using System.Text.RegularExpressions;

namespace Tessera.Conventions.Tests.Docs;

/// <summary>
/// Every C# example in docs/*.md is a region of the compiled Docs/*Examples.cs (marked
/// <c>&lt;!-- snippet: name --&gt;</c> in the page), so the documentation's code always compiles.
/// </summary>
public sealed partial class DocumentationSnippetTests
{
    [Fact]
    public void Every_marked_example_in_the_docs_is_the_compiled_snippet()
    {
        var snippets = Snippets();
        var mismatches = new List<string>();
        var used = new HashSet<string>();
        foreach (var page in Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md"))
        {
            foreach (Match match in MarkedExample().Matches(File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal)))
            {
                var name = match.Groups["name"].Value;
                used.Add(name);
                if (!snippets.TryGetValue(name, out var code))
                {
                    mismatches.Add($"{Path.GetFileName(page)}: no compiled snippet '{name}'");
                }
                else if (Normalize(match.Groups["code"].Value) != code)
                {
                    mismatches.Add($"{Path.GetFileName(page)}: '{name}' differs from Docs/*Examples.cs");
                }
            }
        }

        mismatches.ShouldBeEmpty();
        snippets.Keys.Except(used).ShouldBeEmpty("every compiled snippet is shown in a page");
    }

    [Fact]
    public void Each_api_page_covers_the_topics_users_look_for()
    {
        foreach (var api in new[] { "pax8", "smartpay", "smartex" })
        {
            var page = File.ReadAllText(Repository.PathOf("docs", api + ".md"));
            foreach (var topic in new[] { "## Authentication", "## Token caching", "## Paging", "## Errors", "## Retries and rate limits", "## Webhooks" })
            {
                page.ShouldContain(topic, Case.Insensitive, $"docs/{api}.md lacks '{topic}'");
            }
        }
    }

    private static Dictionary<string, string> Snippets()
    {
        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("tests", "Tessera.Conventions.Tests", "Docs"), "*Examples.cs"))
        {
            foreach (Match match in Region().Matches(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal)))
            {
                snippets[match.Groups["name"].Value] = Normalize(match.Groups["code"].Value);
            }
        }

        return snippets;
    }

    // Compares code regardless of its indentation in the source file.
    private static string Normalize(string code)
    {
        var lines = code.Trim('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim()));
    }

    [GeneratedRegex(@"#region snippet: (?<name>[\w-]+)\n(?<code>.*?)\n\s*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex MarkedExample();
}
