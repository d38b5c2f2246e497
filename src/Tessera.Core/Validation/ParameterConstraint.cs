using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Tessera.Core.Diagnostics;
using Tessera.Core.Serialization;

namespace Tessera.Core.Validation;

/// <summary>
/// What the spec allows for one input (a parameter or a request-body member): bounds, length, pattern, allowed
/// values. Emitted by the build from the spec; checked before a request is sent, so a value the API would refuse fails
/// here, naming the input and the rule. Values of sensitive inputs (pairing codes, tokens) are never echoed.
/// </summary>
public sealed class ParameterConstraint
{
    private readonly Lazy<Regex>? _pattern;
    private readonly bool _sensitive;

    /// <summary>Creates a constraint (generated code calls this).</summary>
    /// <param name="name">The input's name on the wire, for example <c>size</c> or <c>custom_consumer_id</c>.</param>
    /// <param name="minimum">The least value allowed.</param>
    /// <param name="maximum">The greatest value allowed.</param>
    /// <param name="exclusiveMinimum">Whether <paramref name="minimum"/> itself is excluded.</param>
    /// <param name="exclusiveMaximum">Whether <paramref name="maximum"/> itself is excluded.</param>
    /// <param name="minLength">The fewest characters allowed.</param>
    /// <param name="maxLength">The most characters allowed.</param>
    /// <param name="pattern">A regular expression the text must match.</param>
    /// <param name="allowed">The only values allowed (compared as the extensible enums compare: ignoring case, spaces, '-' and '_').</param>
    /// <param name="message">
    /// What the spec says a valid value looks like (<c>x-invalid-message</c>), used instead of the generic wording: a
    /// sentence, or a predicate such as <c>must be 1 to 32 letters or digits</c>, which follows the input's name.
    /// </param>
    public ParameterConstraint(
        string name,
        decimal? minimum = null,
        decimal? maximum = null,
        bool exclusiveMinimum = false,
        bool exclusiveMaximum = false,
        int? minLength = null,
        int? maxLength = null,
        string? pattern = null,
        IReadOnlyList<string>? allowed = null,
        string? message = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Minimum = minimum;
        Maximum = maximum;
        ExclusiveMinimum = exclusiveMinimum;
        ExclusiveMaximum = exclusiveMaximum;
        MinLength = minLength;
        MaxLength = maxLength;
        Pattern = pattern;
        Allowed = allowed ?? [];
        Message = message is { Length: > 0 } && char.IsLower(message[0]) ? $"{name} {message}" : message;
        _sensitive = SecretRedactor.IsSensitiveByDefault(name);
        if (pattern is not null)
        {
            _pattern = new Lazy<Regex>(() => new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
    }

    /// <summary>The input's name on the wire.</summary>
    public string Name { get; }

    /// <summary>The least value allowed, if any.</summary>
    public decimal? Minimum { get; }

    /// <summary>The greatest value allowed, if any.</summary>
    public decimal? Maximum { get; }

    /// <summary>Whether <see cref="Minimum"/> itself is excluded.</summary>
    public bool ExclusiveMinimum { get; }

    /// <summary>Whether <see cref="Maximum"/> itself is excluded.</summary>
    public bool ExclusiveMaximum { get; }

    /// <summary>The fewest characters allowed, if any.</summary>
    public int? MinLength { get; }

    /// <summary>The most characters allowed, if any.</summary>
    public int? MaxLength { get; }

    /// <summary>A regular expression the text must match, if any.</summary>
    public string? Pattern { get; }

    /// <summary>The only values allowed; empty when any value is.</summary>
    public IReadOnlyList<string> Allowed { get; }

    /// <summary>The spec's own wording of what a valid value looks like, if it has one.</summary>
    public string? Message { get; }

    /// <summary>Checks <paramref name="value"/> (each item of a list); <see langword="null"/> passes (required inputs are checked elsewhere).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number outside the bounds.</exception>
    /// <exception cref="ArgumentException">Text of the wrong length or shape, or a value not allowed.</exception>
    public void Check(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                CheckText(text);
                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    Check(item);
                }

                return;
        }

        if (TryNumber(value, out var number))
        {
            CheckNumber(number, value);
            return;
        }

        // Extensible enums, Guids, dates: their text form is what is sent.
        CheckText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
    }

    private void CheckNumber(decimal number, object value)
    {
        var low = Minimum is { } min && (ExclusiveMinimum ? number <= min : number < min);
        var high = Maximum is { } max && (ExclusiveMaximum ? number >= max : number > max);
        if (low || high)
        {
            throw new ArgumentOutOfRangeException(Name, _sensitive ? null : value, Message ?? DescribeRange());
        }
    }

    private void CheckText(string text)
    {
        if ((MinLength is { } least && text.Length < least) || (MaxLength is { } most && text.Length > most))
        {
            throw Invalid(Message ?? DescribeLength());
        }

        if (_pattern is not null && !_pattern.Value.IsMatch(text))
        {
            throw Invalid(Message ?? $"{Name} must match the pattern {Pattern}");
        }

        if (Allowed.Count > 0 && !Allowed.Any(allowed => ExtensibleEnumValue.LooselyEquals(allowed, text)))
        {
            throw Invalid(Message ?? $"{Name} must be one of: {string.Join(", ", Allowed)}");
        }

        ArgumentException Invalid(string rule) => new(_sensitive ? rule + "." : $"{rule}; got '{text}'.", Name);
    }

    private string DescribeRange()
    {
        string Bound(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        return (Minimum, Maximum) switch
        {
            ({ } min, { } max) when !ExclusiveMinimum && !ExclusiveMaximum => $"{Name} must be between {Bound(min)} and {Bound(max)}",
            (0m, null) when !ExclusiveMinimum => $"{Name} must not be negative",
            ({ } min, null) => $"{Name} must be {(ExclusiveMinimum ? "greater than" : "at least")} {Bound(min)}",
            (null, { } max) => $"{Name} must be {(ExclusiveMaximum ? "less than" : "at most")} {Bound(max)}",
            ({ } min, { } max) => $"{Name} must be {(ExclusiveMinimum ? "greater than" : "at least")} {Bound(min)} and {(ExclusiveMaximum ? "less than" : "at most")} {Bound(max)}",
            _ => $"{Name} is out of range",
        };
    }

    private string DescribeLength() => (MinLength, MaxLength) switch
    {
        ({ } min, { } max) when min == max => $"{Name} must be exactly {min} characters",
        ({ } min, { } max) => $"{Name} must be {min} to {max} characters",
        ({ } min, null) => $"{Name} must be at least {min} characters",
        (null, { } max) => $"{Name} must be at most {max} characters",
        _ => $"{Name} has the wrong length",
    };

    private static bool TryNumber(object value, out decimal number)
    {
        switch (value)
        {
            case int or long or short or byte or sbyte or uint or ushort or ulong or decimal:
                number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
            case double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28:
                number = (decimal)d;
                return true;
            case float f when float.IsFinite(f) && Math.Abs(f) < 7.9e28f:
                number = (decimal)f;
                return true;
            default:
                number = 0;
                return false;
        }
    }
}
