using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.Core.Tests.Serialization;

public sealed class LenientBooleanConverterTests
{
    private sealed class Flags
    {
        public bool Required { get; set; }

        public bool? Optional { get; set; }
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("\"1\"", true)]
    [InlineData("\"0\"", false)]
    [InlineData("\"yes\"", true)]
    [InlineData("\"no\"", false)]
    public void Reads_every_spelling_loosely_typed_apis_send(string json, bool expected)
    {
        var flags = JsonConvert.DeserializeObject<Flags>($$"""{"Required": {{json}}, "Optional": {{json}}}""", ClientJsonSettings.Create())!;

        flags.Required.ShouldBe(expected);
        flags.Optional.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("\"maybe\"")]
    [InlineData("{}")]
    public void Rejects_values_that_are_not_booleans_with_the_path(string json)
    {
        var exception = Should.Throw<JsonSerializationException>(() => JsonConvert.DeserializeObject<Flags>($$"""{"Required": {{json}}}""", ClientJsonSettings.Create()));

        exception.Message.ShouldContain("Required");
    }

    [Fact]
    public void Null_and_empty_are_absent_for_optional_values()
    {
        JsonConvert.DeserializeObject<Flags>("""{"Optional": null}""", ClientJsonSettings.Create())!.Optional.ShouldBeNull();
        JsonConvert.DeserializeObject<Flags>("""{"Optional": ""}""", ClientJsonSettings.Create())!.Optional.ShouldBeNull();
    }

    [Fact]
    public void Writes_plain_booleans()
    {
        JsonConvert.SerializeObject(new Flags { Required = true, Optional = false }, ClientJsonSettings.Create())
            .ShouldBe("""{"Required":true,"Optional":false}""");
    }
}
