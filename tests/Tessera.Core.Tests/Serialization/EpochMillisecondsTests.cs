using Tessera.Core.Serialization;
using Newtonsoft.Json;

namespace Tessera.Core.Tests.Serialization;

public sealed class EpochMillisecondsTests
{
    private sealed class Stamped
    {
        public DateTimeOffset Created { get; set; }

        public DateTimeOffset? Expires { get; set; }
    }

    [Fact]
    public void Integer_timestamps_are_read_as_epoch_milliseconds()
    {
        var stamped = JsonConvert.DeserializeObject<Stamped>("""{"Created": 1426118060704, "Expires": 1426204460704}""", ClientJsonSettings.Create())!;

        stamped.Created.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1426118060704));
        stamped.Expires.ShouldBe(new DateTimeOffset(2015, 3, 12, 23, 54, 20, 704, TimeSpan.Zero));
    }

    [Fact]
    public void Out_of_range_numbers_are_a_clear_error()
    {
        var exception = Should.Throw<JsonSerializationException>(() =>
            JsonConvert.DeserializeObject<Stamped>("""{"Created": 999999999999999999}""", ClientJsonSettings.Create()));

        exception.Message.ShouldContain("Created");
    }
}
