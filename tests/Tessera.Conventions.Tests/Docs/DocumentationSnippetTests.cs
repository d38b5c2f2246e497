using System.Text.RegularExpressions;

namespace Tessera.Conventions.Tests.Docs;

/// <summary>
/// Every C# example in README.md, docs/*.md and the packages' src/*/README.md is a region of the compiled
/// Docs/*Examples.cs (marked <c>&lt;!-- snippet: name --&gt;</c> in the page), so the documentation's code always
/// compiles — against what dependency injection hands out, with every client namespace imported.
/// </summary>
public sealed partial class DocumentationSnippetTests
{
    [Fact]
    public void Every_marked_example_in_the_docs_is_the_compiled_snippet()
    {
        var snippets = Snippets();
        var mismatches = new List<string>();
        var used = new HashSet<string>();
        foreach (var page in Pages())
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
    public void Every_csharp_block_of_every_page_is_a_compiled_snippet()
    {
        var unmarked = new List<string>();
        foreach (var page in Pages())
        {
            var lines = File.ReadAllText(page).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimEnd() == "```csharp" && (i == 0 || !lines[i - 1].StartsWith("<!-- snippet: ", StringComparison.Ordinal)))
                {
                    unmarked.Add($"{Path.GetRelativePath(Repository.Root, page)}:{i + 1}");
                }
            }
        }

        Pages().Count().ShouldBeGreaterThan(15);
        unmarked.ShouldBeEmpty("put the code in a #region snippet of tests/Tessera.Conventions.Tests/Docs/*Examples.cs and mark the block");
    }

    [Fact]
    public void The_examples_take_what_dependency_injection_hands_out()
    {
        // AddXxxClient registers the interfaces (and SmartexPairing, SmartexIpn, …); an example that needs the concrete
        // class would not compile in an app that injects what the docs say.
        Type[] concrete = [typeof(Tessera.Pax8.Pax8Client), typeof(Tessera.Pax8.Webhooks.Pax8WebhooksClient), typeof(Tessera.SmartPay.SmartPayClient), typeof(Tessera.Smartex.SmartexClient)];
        var offenders = typeof(DocumentationSnippetTests).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(DocumentationSnippetTests).Namespace)
            .SelectMany(type => type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
                .Concat<System.Reflection.MethodBase>(type.GetConstructors()))
            .SelectMany(method => method.GetParameters().Select(parameter => (method, parameter)))
            .Where(pair => concrete.Contains(pair.parameter.ParameterType))
            .Select(pair => $"{pair.method.DeclaringType!.Name}.{pair.method.Name}({pair.parameter.Name})")
            .ToList();

        offenders.ShouldBeEmpty();
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

    private static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md")
            .Append(Repository.PathOf("README.md"))
            .Concat(Directory.EnumerateDirectories(Repository.PathOf("src")).Select(project => Path.Combine(project, "README.md")).Where(File.Exists));

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
