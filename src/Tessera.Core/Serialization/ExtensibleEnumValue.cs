using System.Text;

namespace Tessera.Core.Serialization;

/// <summary>
/// Loose comparison of enumeration values, so that <c>"Pax8Partner"</c> equals <c>"Pax8 Partner"</c> and
/// <c>"Flat"</c> equals <c>"flat"</c>: the APIs are inconsistent about casing and separators.
/// </summary>
public static class ExtensibleEnumValue
{
    /// <summary>Upper-cases <paramref name="value"/> and removes whitespace, <c>-</c> and <c>_</c>.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The comparison form.</returns>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            if (!char.IsWhiteSpace(character) && character is not ('-' or '_'))
            {
                builder.Append(char.ToUpperInvariant(character));
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether two values are equal once normalized. Two nulls are equal.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when the values match loosely.</returns>
    public static bool LooselyEquals(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
    }
}
