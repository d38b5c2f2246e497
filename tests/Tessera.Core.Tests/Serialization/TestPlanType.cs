using Tessera.Core.Serialization;

namespace Tessera.Core.Tests.Serialization;

/// <summary>What the NSwag templates generate for a string enum, reduced to two members.</summary>
internal readonly struct TestPlanType : IExtensibleEnum<TestPlanType>, IEquatable<TestPlanType>
{
    private static readonly string[] Known = ["Flat", "Pax8Partner"];

    private TestPlanType(string value, bool isKnown)
    {
        Value = value;
        IsKnown = isKnown;
    }

    public static TestPlanType Flat => new("Flat", true);

    public static TestPlanType Pax8Partner => new("Pax8Partner", true);

    public string Value { get; }

    public bool IsKnown { get; }

    public static TestPlanType FromValue(string value)
    {
        var known = Known.FirstOrDefault(k => ExtensibleEnumValue.LooselyEquals(k, value));
        return known is null ? new TestPlanType(value, false) : new TestPlanType(known, true);
    }

    public bool Equals(TestPlanType other) => ExtensibleEnumValue.LooselyEquals(Value, other.Value);

    public override bool Equals(object? obj) => obj is TestPlanType other && Equals(other);

    public override int GetHashCode() => Value is null ? 0 : ExtensibleEnumValue.Normalize(Value).GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value;
}
