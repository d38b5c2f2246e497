using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.Core.Tests.Serialization;

public class ExtensibleEnumTests
{
    private sealed class Model
    {
        [JsonConverter(typeof(ExtensibleEnumJsonConverter<TestPlanType>))]
        public TestPlanType Plan { get; set; }

        [JsonConverter(typeof(ExtensibleEnumJsonConverter<TestPlanType>))]
        public TestPlanType? OptionalPlan { get; set; }
    }

    private static Model Read(string json) => JsonConvert.DeserializeObject<Model>(json, ClientJsonSettings.Create())!;

    [Theory]
    [InlineData("Pax8Partner", "Pax8Partner")]
    [InlineData("Pax8 Partner", "Pax8Partner")]
    [InlineData("flat", "Flat")]
    [InlineData("FLAT", "Flat")]
    [InlineData("pax8_partner", "Pax8Partner")]
    public void Known_values_are_recognized_loosely(string sent, string expected)
    {
        var model = Read($"{{\"plan\": \"{sent}\"}}");

        model.Plan.IsKnown.ShouldBeTrue();
        model.Plan.Value.ShouldBe(expected);
    }

    [Fact]
    public void Unknown_values_are_kept_raw()
    {
        var model = Read("{\"plan\": \"Tiered Volume\", \"optionalPlan\": \"New-Thing\"}");

        model.Plan.IsKnown.ShouldBeFalse();
        model.Plan.Value.ShouldBe("Tiered Volume");
        model.OptionalPlan!.Value.Value.ShouldBe("New-Thing");
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("1.5", "1.5")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    public void Numbers_and_booleans_become_their_invariant_text(string token, string expected) =>
        Read($"{{\"plan\": {token}}}").Plan.Value.ShouldBe(expected);

    [Fact]
    public void Null_becomes_null_for_nullable_and_default_otherwise()
    {
        var model = Read("{\"plan\": null, \"optionalPlan\": null}");

        model.OptionalPlan.ShouldBeNull();
        model.Plan.ShouldBe(default);
    }

    [Theory]
    [InlineData("{\"plan\": {\"value\": \"Flat\"}}")]
    [InlineData("{\"optionalPlan\": [\"Flat\"]}")]
    public void Objects_and_arrays_are_rejected_with_a_clear_message(string json)
    {
        var ex = Should.Throw<JsonSerializationException>(() => Read(json));

        ex.Message.ShouldContain(nameof(TestPlanType));
        ex.Message.ShouldContain("expected a string");
    }

    [Fact]
    public void Values_are_written_as_strings()
    {
        var json = JsonConvert.SerializeObject(new Model { Plan = TestPlanType.FromValue("Custom Plan"), OptionalPlan = null });

        json.ShouldBe("{\"Plan\":\"Custom Plan\",\"OptionalPlan\":null}");
    }

    [Fact]
    public void The_converter_handles_the_type_and_its_nullable_form_only()
    {
        var converter = new ExtensibleEnumJsonConverter<TestPlanType>();

        converter.CanConvert(typeof(TestPlanType)).ShouldBeTrue();
        converter.CanConvert(typeof(TestPlanType?)).ShouldBeTrue();
        converter.CanConvert(typeof(string)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Pax8Partner", "PAX8PARTNER")]
    [InlineData("Pax8 Partner", "PAX8PARTNER")]
    [InlineData(" pax8-partner_ ", "PAX8PARTNER")]
    [InlineData("Flat", "FLAT")]
    public void Normalize_removes_case_whitespace_and_separators(string value, string expected) =>
        ExtensibleEnumValue.Normalize(value).ShouldBe(expected);

    [Theory]
    [InlineData("Flat", "flat", true)]
    [InlineData("Pax8Partner", "Pax8 Partner", true)]
    [InlineData("Flat", "Tiered", false)]
    [InlineData(null, null, true)]
    [InlineData("Flat", null, false)]
    [InlineData(null, "Flat", false)]
    public void LooselyEquals_compares_normalized_values(string? a, string? b, bool expected) =>
        ExtensibleEnumValue.LooselyEquals(a, b).ShouldBe(expected);
}
