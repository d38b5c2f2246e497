using Shouldly;
using System.Text.RegularExpressions;

namespace Tessera.Testing;

/// <summary>
/// Verify-style scrubbing for approved snapshots: GUIDs become Guid_1, Guid_2… (equal values stay
/// equal), and every registered secret becomes a named placeholder. A secret that slips through
/// fails the snapshot review, and <see cref="AssertNoSecrets"/> fails the test outright.
/// </summary>
public sealed partial class Scrubber
{
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly List<(Regex Pattern, string Replacement)> _patterns = [];

    /// <summary>Values that are not known in advance (signatures): every match of <paramref name="pattern"/> is replaced.</summary>
    public Scrubber WithPattern(string pattern, string replacement)
    {
        _patterns.Add((new Regex(pattern, RegexOptions.Multiline | RegexOptions.CultureInvariant), replacement));
        return this;
    }

    public Scrubber WithSecret(string value, string placeholder)
    {
        _secrets[value] = placeholder;
        return this;
    }

    public string Scrub(string text)
    {
        foreach (var (pattern, replacement) in _patterns)
        {
            text = pattern.Replace(text, replacement);
        }

        foreach (var (value, placeholder) in _secrets.OrderByDescending(s => s.Key.Length))
        {
            text = text.Replace(value, placeholder, StringComparison.Ordinal);
        }

        var guids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return GuidPattern().Replace(text, match =>
        {
            if (!guids.TryGetValue(match.Value, out var name))
            {
                name = $"Guid_{guids.Count + 1}";
                guids[match.Value] = name;
            }

            return name;
        });
    }

    public void AssertNoSecrets(string text)
    {
        foreach (var value in _secrets.Keys)
        {
            text.ShouldNotContain(value, Case.Sensitive, "a secret value leaked");
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
