using Tessera.Core.Auth;

namespace Tessera.Core.Tests.Auth;

public class AccessTokenTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToString_shows_expiry_but_never_the_value()
    {
        var token = new AccessToken("eyJ-super-secret-token", Expiry);

        token.ToString().ShouldNotContain("super-secret");
        token.ToString().ShouldStartWith("AccessToken(expires 2026-03-01");
    }

    [Fact]
    public void Equality_is_by_value_and_expiry()
    {
        var token = new AccessToken("abc", Expiry);

        token.ShouldBe(new AccessToken("abc", Expiry));
        (token == new AccessToken("abc", Expiry)).ShouldBeTrue();
        token.GetHashCode().ShouldBe(new AccessToken("abc", Expiry).GetHashCode());
        (token == new AccessToken("abd", Expiry)).ShouldBeFalse();
        (token != new AccessToken("abc", Expiry.AddSeconds(1))).ShouldBeTrue();
        token.Equals(null).ShouldBeFalse();
    }

    [Theory]
    [InlineData(-120, 60, false)]
    [InlineData(-61, 60, false)]
    [InlineData(-60, 60, true)]
    [InlineData(0, 0, true)]
    [InlineData(-1, 0, false)]
    [InlineData(10, 0, true)]
    public void IsExpired_applies_the_margin(int secondsFromExpiry, int marginSeconds, bool expected)
    {
        var token = new AccessToken("abc", Expiry);

        token.IsExpired(Expiry.AddSeconds(secondsFromExpiry), TimeSpan.FromSeconds(marginSeconds)).ShouldBe(expected);
    }

    [Fact]
    public void Empty_value_is_rejected() =>
        Should.Throw<ArgumentException>(() => new AccessToken("", Expiry));
}
