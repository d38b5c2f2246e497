using Tessera.Core.Diagnostics;

namespace Tessera.Core.Validation;

/// <summary>
/// Escapes a path parameter for the URL and refuses values that would change the request's route: empty, <c>.</c> and
/// <c>..</c> survive escaping and are resolved as dot-segments, so a caller-supplied id could otherwise steer a signed
/// request to another path under the base URL.
/// </summary>
public static class PathSegment
{
    /// <summary>The escaped segment.</summary>
    /// <param name="parameter">The parameter's name in the spec.</param>
    /// <param name="value">The value, already converted to text.</param>
    /// <returns><paramref name="value"/>, percent-escaped.</returns>
    /// <exception cref="ArgumentException">The value is empty, <c>.</c> or <c>..</c>.</exception>
    public static string Escape(string parameter, string? value)
    {
        if (string.IsNullOrEmpty(value) || value is "." or "..")
        {
            var shown = SecretRedactor.IsSensitiveByDefault(parameter) || string.IsNullOrEmpty(value) ? string.Empty : $" ('{value}')";
            throw new ArgumentException($"{parameter} must not be empty, '.' or '..'{shown}: as a path segment it would change which resource the request addresses.", parameter);
        }

        return Uri.EscapeDataString(value);
    }
}
