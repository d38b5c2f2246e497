namespace Tessera.Core.Drift;

/// <summary>How a response differed from the spec while still being read.</summary>
public enum DriftKind
{
    /// <summary>A member the spec does not describe (kept in the model's <c>AdditionalProperties</c>).</summary>
    UnknownMember,

    /// <summary>An enum value the spec does not list (kept as an extensible enum value).</summary>
    UnknownEnumValue,

    /// <summary>A value of another JSON type than the spec's, converted (for example <c>"true"</c> for a boolean, <c>12.0</c> for an integer).</summary>
    TypeMismatch,
}
