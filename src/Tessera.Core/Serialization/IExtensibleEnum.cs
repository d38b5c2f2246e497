namespace Tessera.Core.Serialization;

/// <summary>
/// A string enumeration that also accepts values unknown when the client was generated. Unknown values keep their
/// raw text instead of failing deserialization, because APIs add enum members without notice.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IExtensibleEnum<TSelf>
    where TSelf : struct, IExtensibleEnum<TSelf>
{
    /// <summary>The value as sent by the API.</summary>
    string Value { get; }

    /// <summary>Whether the value is one of the members known when the client was generated.</summary>
    bool IsKnown { get; }

    /// <summary>Creates the enumeration value for <paramref name="value"/>, known or not.</summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The value; a known member when <paramref name="value"/> loosely matches one.</returns>
    static abstract TSelf FromValue(string value);

    /// <summary>
    /// The documented spelling of a known value (what the client writes back), or <see langword="null"/>
    /// for an unknown one, which is written back verbatim.
    /// </summary>
    string? Canonical => null;
}
