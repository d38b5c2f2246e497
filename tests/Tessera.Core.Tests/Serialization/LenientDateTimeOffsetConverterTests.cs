using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.Core.Tests.Serialization;

public class LenientDateTimeOffsetConverterTests
{
    private sealed class Model
    {
        public DateTimeOffset When { get; set; }

        public DateTimeOffset? Maybe { get; set; }
    }

    private static Model Read(string json) => JsonConvert.DeserializeObject<Model>(json, ClientJsonSettings.Create())!;

    public static TheoryData<string, DateTimeOffset> Formats => new()
    {
        { "2023-08-11T11:33:12.314-0600", new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)) },
        { "2023-08-11T11:33:12.314-06:00", new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)) },
        { "2023-08-11T11:33:12+0530", new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.FromMinutes(330)) },
        { "2023-08-11T11:33:12+02", new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.FromHours(2)) },
        { "2023-08-11T11:33:12Z", new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.Zero) },
        { "2023-08-11T11:33:12.1234567Z", new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.Zero).AddTicks(1234567) },
        { "2023-08-11T11:33:12.123456789Z", new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.Zero).AddTicks(1234567) },
        { "2023-08-11t11:33:12z", new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.Zero) },
        { "2023-08-11T11:33:12", new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.Zero) },
        { "2023-08-11T11:33", new DateTimeOffset(2023, 8, 11, 11, 33, 0, TimeSpan.Zero) },
        { "2020-12-03", new DateTimeOffset(2020, 12, 3, 0, 0, 0, TimeSpan.Zero) },
        { "2018-01-01 12:00:00", new DateTimeOffset(2018, 1, 1, 12, 0, 0, TimeSpan.Zero) },
        { " 2018-01-01 12:00:00.5 +01:00 ", new DateTimeOffset(2018, 1, 1, 12, 0, 0, 500, TimeSpan.FromHours(1)) },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Accepts_the_formats_the_apis_send(string text, DateTimeOffset expected)
    {
        var model = Read($"{{\"when\": \"{text}\", \"maybe\": \"{text}\"}}");

        model.When.ShouldBe(expected);
        model.When.Offset.ShouldBe(expected.Offset);
        model.Maybe.ShouldBe(expected);
    }

    [Fact]
    public void Empty_strings_and_null_become_null_for_nullable_properties()
    {
        Read("{\"maybe\": \"\"}").Maybe.ShouldBeNull();
        Read("{\"maybe\": null}").Maybe.ShouldBeNull();
    }

    [Theory]
    [InlineData("{\"when\": \"not a date\"}", "when")]
    [InlineData("{\"when\": \"2023-13-45T00:00:00Z\"}", "when")]
    [InlineData("{\"when\": \"2023-01-01T00:00:00+25:00\"}", "when")]
    [InlineData("{\"when\": \"\"}", "when")]
    [InlineData("{\"when\": null}", "when")]
    [InlineData("{\"maybe\": 12.5}", "maybe")]
    public void Unparseable_values_fail_naming_the_path_but_not_the_payload(string json, string path)
    {
        var ex = Should.Throw<JsonSerializationException>(() => Read(json));

        ex.Message.ShouldContain($"'{path}'");
        ex.Message.ShouldNotContain("not a date");
        ex.Message.ShouldNotContain("2023-13-45");
    }

    [Fact]
    public void Date_tokens_produced_by_the_reader_are_accepted()
    {
        var settings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.DateTimeOffset,
            Converters = { new LenientDateTimeOffsetConverter() },
        };

        var model = JsonConvert.DeserializeObject<Model>("{\"when\": \"2023-08-11T11:33:12-06:00\"}", settings)!;

        model.When.ShouldBe(new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.FromHours(-6)));
    }

    [Fact]
    public void Unspecified_date_tokens_are_taken_as_utc()
    {
        var settings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.DateTime,
            DateTimeZoneHandling = DateTimeZoneHandling.Unspecified,
            Converters = { new LenientDateTimeOffsetConverter() },
        };

        var model = JsonConvert.DeserializeObject<Model>("{\"when\": \"2023-08-11T11:33:12\"}", settings)!;

        model.When.ShouldBe(new DateTimeOffset(2023, 8, 11, 11, 33, 12, TimeSpan.Zero));
    }

    [Fact]
    public void Writes_iso_8601_with_the_offset()
    {
        var json = JsonConvert.SerializeObject(
            new Model
            {
                When = new DateTimeOffset(2023, 8, 11, 11, 33, 12, 314, TimeSpan.FromHours(-6)),
                Maybe = new DateTimeOffset(2020, 12, 3, 0, 0, 0, TimeSpan.Zero),
            },
            ClientJsonSettings.Create());

        json.ShouldBe("{\"When\":\"2023-08-11T11:33:12.314-06:00\",\"Maybe\":\"2020-12-03T00:00:00+00:00\"}");
    }
}
