using Tessera.Core.Auth;
using Tessera.Core.Tests.TestSupport;

namespace Tessera.Core.Tests.Auth;

public class TokenLifetimePolicyTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly TokenLifetimePolicy Policy = new()
    {
        DefaultLifetime = TimeSpan.FromMinutes(55),
        MaxLifetime = TimeSpan.FromHours(1),
    };

    [Fact]
    public void The_relative_lifetime_wins_and_is_measured_from_the_request()
    {
        var expiry = new TokenLifetimePolicy().Resolve(new TokenGrant("t", TimeSpan.FromHours(24), Now.AddHours(24)), Now);

        expiry.ExpiresAt.ShouldBe(Now.AddHours(24));
        expiry.Source.ShouldBe(TokenExpirySource.RelativeLifetime);
        expiry.Skew.ShouldBeNull();
    }

    [Theory]
    [InlineData(-24 * 60, -48 * 60)]
    [InlineData(24 * 60 * 3, 48 * 60)]
    public void An_absolute_expiry_that_disagrees_with_the_relative_lifetime_is_reported_as_skew(int absoluteMinutes, int expectedSkewMinutes)
    {
        var expiry = new TokenLifetimePolicy().Resolve(new TokenGrant("t", TimeSpan.FromHours(24), Now.AddMinutes(absoluteMinutes)), Now);

        expiry.ExpiresAt.ShouldBe(Now.AddHours(24), "the relative lifetime is not shortened or stretched by the vendor's clock");
        expiry.Skew.ShouldBe(TimeSpan.FromMinutes(expectedSkewMinutes));
    }

    [Fact]
    public void A_small_disagreement_is_not_skew()
    {
        var expiry = new TokenLifetimePolicy().Resolve(new TokenGrant("t", TimeSpan.FromHours(1), Now.AddHours(1).AddSeconds(90)), Now);

        expiry.Skew.ShouldBeNull();
    }

    [Fact]
    public void A_plausible_absolute_expiry_alone_is_used()
    {
        var expiry = Policy.Resolve(new TokenGrant("t", expiresAt: Now.AddMinutes(42)), Now);

        expiry.ExpiresAt.ShouldBe(Now.AddMinutes(42));
        expiry.Source.ShouldBe(TokenExpirySource.AbsoluteExpiry);
        expiry.Skew.ShouldBeNull();
    }

    [Fact]
    public void An_absolute_expiry_already_past_falls_back_to_the_default_lifetime()
    {
        var expiry = Policy.Resolve(new TokenGrant("t", expiresAt: Now.AddHours(-5)), Now);

        expiry.ExpiresAt.ShouldBe(Now.AddMinutes(55));
        expiry.Source.ShouldBe(TokenExpirySource.Default);
        expiry.Skew.ShouldBe(TimeSpan.FromHours(-5));
    }

    [Fact]
    public void An_absolute_expiry_beyond_the_maximum_lifetime_falls_back_to_the_default_lifetime()
    {
        var expiry = Policy.Resolve(new TokenGrant("t", expiresAt: Now.AddHours(5)), Now);

        expiry.ExpiresAt.ShouldBe(Now.AddMinutes(55));
        expiry.Skew.ShouldBe(TimeSpan.FromHours(4));
    }

    [Fact]
    public void An_absolute_expiry_just_beyond_the_maximum_is_capped_without_skew()
    {
        var expiry = Policy.Resolve(new TokenGrant("t", expiresAt: Now.AddMinutes(61)), Now);

        expiry.ExpiresAt.ShouldBe(Now.AddHours(1));
        expiry.Skew.ShouldBeNull();
    }

    [Fact]
    public void A_relative_lifetime_beyond_the_maximum_is_capped()
    {
        Policy.Resolve(new TokenGrant("t", TimeSpan.FromHours(3)), Now).ExpiresAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Without_any_statement_the_default_lifetime_applies()
    {
        var expiry = Policy.Resolve(new TokenGrant("t"), Now);

        expiry.ExpiresAt.ShouldBe(Now.AddMinutes(55));
        expiry.Source.ShouldBe(TokenExpirySource.Default);
    }

    [Fact]
    public void An_absolute_expiry_seconds_away_is_kept_for_the_minimum_lifetime()
    {
        Policy.Resolve(new TokenGrant("t", expiresAt: Now.AddSeconds(3)), Now).ExpiresAt.ShouldBe(Now.AddMinutes(1));
    }

    [Fact]
    public void A_short_relative_lifetime_the_server_states_is_believed()
    {
        Policy.Resolve(new TokenGrant("t", TimeSpan.FromSeconds(20)), Now).ExpiresAt.ShouldBe(Now.AddSeconds(20));
    }

    [Fact]
    public void A_grant_never_shows_its_value()
    {
        new TokenGrant("secret-token-value", TimeSpan.FromHours(1)).ToString().ShouldNotContain("secret-token-value");
    }
}
