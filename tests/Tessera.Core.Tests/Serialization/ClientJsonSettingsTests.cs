using Tessera.Core.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Tessera.Core.Tests.Serialization;

public class ClientJsonSettingsTests
{
    [Fact]
    public void Apply_configures_the_client_settings_once()
    {
        var other = new ExtensibleEnumJsonConverter<TestPlanType>();
        var settings = new JsonSerializerSettings { Converters = { other } };

        ClientJsonSettings.Apply(settings);
        ClientJsonSettings.Apply(settings);

        settings.DateParseHandling.ShouldBe(DateParseHandling.None);
        settings.DateTimeZoneHandling.ShouldBe(DateTimeZoneHandling.RoundtripKind);
        settings.MissingMemberHandling.ShouldBe(MissingMemberHandling.Ignore);
        settings.FloatParseHandling.ShouldBe(FloatParseHandling.Decimal);
        settings.MaxDepth.ShouldBe(128);
        settings.Converters.Count.ShouldBe(3, "applying twice adds nothing twice");
        settings.Converters[0].ShouldBeOfType<LenientDateTimeOffsetConverter>();
        settings.Converters[1].ShouldBeOfType<LenientBooleanConverter>();
    }

    [Fact]
    public void Money_amounts_keep_their_exact_decimal_value_and_dates_stay_strings()
    {
        var value = JsonConvert.DeserializeObject<JObject>(
            "{\"amount\": 0.1, \"at\": \"2023-08-11T11:33:12-0600\", \"unknown\": 1}",
            ClientJsonSettings.Create())!;

        ((JValue)value["amount"]!).Value.ShouldBe(0.1m);
        value["at"]!.Type.ShouldBe(JTokenType.String);
        value["at"]!.Value<string>().ShouldBe("2023-08-11T11:33:12-0600");
    }

    [Fact]
    public void Excessive_nesting_is_rejected()
    {
        var json = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));

        Should.Throw<JsonReaderException>(() => JsonConvert.DeserializeObject<JToken>(json, ClientJsonSettings.Create()));
    }
}
