using System.Security.Cryptography;
using System.Text;
using Tessera.Core.Notifications;
using Tessera.Core.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Tessera.Core.Tests.Notifications;

public class NotificationGuardTests
{
    private static string Print(string topic, string body) => ReplayWindow.Fingerprint(Encoding.UTF8.GetBytes(topic), Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_repeat_within_the_window_is_refused_and_accepted_again_after_it()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var window = new ReplayWindow(TimeSpan.FromMinutes(10), timeProvider: clock);

        window.TryRecord(Print("invoice/paid", "{}")).ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(9));
        window.TryRecord(Print("invoice/paid", "{}")).ShouldBeFalse();
        window.TryRecord(Print("invoice/created", "{}")).ShouldBeTrue("another topic is another delivery");
        clock.Advance(TimeSpan.FromMinutes(2));
        window.TryRecord(Print("invoice/paid", "{}")).ShouldBeTrue();
    }

    [Fact]
    public void Fingerprints_of_different_splits_differ()
    {
        Print("ab", "c").ShouldNotBe(Print("a", "bc"));
    }

    [Fact]
    public void Memory_is_bounded_by_the_capacity()
    {
        var window = new ReplayWindow(TimeSpan.FromDays(1), capacity: 100, timeProvider: new FakeTimeProvider(TestClock.Start));

        for (var i = 0; i < 10_000; i++)
        {
            window.TryRecord(Print("t", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        window.Count.ShouldBeLessThanOrEqualTo(100);
        window.TryRecord(Print("t", "9999")).ShouldBeFalse("the newest are kept");
    }

    [Fact]
    public void A_zero_window_remembers_nothing()
    {
        var window = new ReplayWindow(TimeSpan.Zero);

        window.TryRecord("a").ShouldBeTrue();
        window.TryRecord("a").ShouldBeTrue();
    }

    [Fact]
    public void Rejections_are_logged_at_debug_and_summarised_by_one_warning_per_interval()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var logger = new FakeLogger();
        var log = new RejectionLog(logger, "Test webhook", TimeSpan.FromMinutes(1), clock);

        for (var i = 0; i < 500; i++)
        {
            log.Rejected(401, "bad signature");
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        log.Rejected(401, "bad signature");

        var records = logger.Collector.GetSnapshot();
        records.Count(r => r.Level == LogLevel.Debug).ShouldBe(501);
        var warnings = records.Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        warnings.Count.ShouldBe(2);
        warnings[1].ShouldStartWith("500 Test webhook deliveries rejected");
    }

    [Theory]
    [InlineData(100, 100, true)]
    [InlineData(101, 100, false)]
    public async Task A_body_is_read_up_to_the_limit_and_its_mac_computed_on_the_way(int size, int limit, bool accepted)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)i).ToArray();
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, "key"u8);

        var body = await BoundedBody.ReadAsync(new MemoryStream(bytes), limit, declaredLength: null, mac, CancellationToken.None);

        if (accepted)
        {
            body.ShouldBe(bytes);
            mac.GetHashAndReset().ShouldBe(HMACSHA256.HashData("key"u8, bytes));
        }
        else
        {
            body.ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_without_reading()
    {
        var stream = new MemoryStream(new byte[10]);

        (await BoundedBody.ReadAsync(stream, 8, declaredLength: 1_000_000, mac: null, CancellationToken.None)).ShouldBeNull();
        stream.Position.ShouldBe(0);
    }
}
