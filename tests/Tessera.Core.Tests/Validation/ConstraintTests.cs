using Tessera.Core.Validation;
using Newtonsoft.Json;

namespace Tessera.Core.Tests.Validation;

public class ConstraintTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void A_number_outside_the_bounds_names_the_input_and_the_range(int size)
    {
        var exception = Should.Throw<ArgumentOutOfRangeException>(() => new ParameterConstraint("size", minimum: 1, maximum: 200).Check(size));

        exception.ParamName.ShouldBe("size");
        exception.Message.ShouldContain("size must be between 1 and 200");
        exception.ActualValue.ShouldBe(size);
    }

    [Fact]
    public void The_bounds_themselves_pass_and_null_passes()
    {
        var constraint = new ParameterConstraint("size", minimum: 1, maximum: 200);

        constraint.Check(1);
        constraint.Check(200L);
        constraint.Check(150.5m);
        constraint.Check(null);
    }

    [Theory]
    [InlineData(0, "price must be greater than 0")]
    [InlineData(-1, "price must be greater than 0")]
    public void An_exclusive_minimum_excludes_the_bound(int price, string message)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ParameterConstraint("price", minimum: 0, exclusiveMinimum: true).Check((decimal)price))
            .Message.ShouldContain(message);
        new ParameterConstraint("price", minimum: 0, exclusiveMinimum: true).Check(0.01m);
    }

    [Fact]
    public void A_minimum_of_zero_reads_as_not_negative()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ParameterConstraint("page", minimum: 0).Check(-1)).Message.ShouldContain("page must not be negative");
    }

    [Fact]
    public void Text_is_checked_for_length_pattern_and_allowed_values()
    {
        Should.Throw<ArgumentException>(() => new ParameterConstraint("note", maxLength: 3).Check("long")).Message.ShouldContain("note must be at most 3 characters");
        Should.Throw<ArgumentException>(() => new ParameterConstraint("code", minLength: 7, maxLength: 7).Check("abc")).Message.ShouldContain("exactly 7");
        Should.Throw<ArgumentException>(() => new ParameterConstraint("country", pattern: "^[A-Z]{2}$").Check("Canada")).Message.ShouldContain("got 'Canada'");
        Should.Throw<ArgumentException>(() => new ParameterConstraint("status", allowed: ["Active", "Inactive"]).Check("Gone")).Message.ShouldContain("status must be one of: Active, Inactive");
        new ParameterConstraint("status", allowed: ["Active", "Inactive"]).Check("ACTIVE");
    }

    [Fact]
    public void The_spec_wording_is_used_as_a_predicate_or_a_sentence()
    {
        Should.Throw<ArgumentException>(() => new ParameterConstraint("custom_id", pattern: "^[A-Za-z0-9]{1,32}$", message: "must be 1 to 32 letters or digits").Check("a b"))
            .Message.ShouldStartWith("custom_id must be 1 to 32 letters or digits; got 'a b'.");
        Should.Throw<ArgumentException>(() => new ParameterConstraint("x", pattern: "^y$", message: "X is a y.").Check("z")).Message.ShouldStartWith("X is a y.");
    }

    [Fact]
    public void A_sensitive_input_is_never_echoed()
    {
        var exception = Should.Throw<ArgumentException>(() => new ParameterConstraint("pairingCode", pattern: "^[A-Za-z0-9]{7}$").Check("s3cr3t!"));

        exception.Message.ShouldNotContain("s3cr3t!");
        Should.Throw<ArgumentOutOfRangeException>(() => new ParameterConstraint("session_token", maxLength: 2, minimum: 0).Check(-5)).ActualValue.ShouldBeNull();
    }

    [Fact]
    public void Every_item_of_a_list_is_checked()
    {
        Should.Throw<ArgumentException>(() => new ParameterConstraint("ids", pattern: "^[0-9]+$").Check(new[] { "1", "x" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void A_path_segment_that_would_change_the_route_is_refused(string value)
    {
        Should.Throw<ArgumentException>(() => PathSegment.Escape("companyId", value)).ParamName.ShouldBe("companyId");
    }

    [Fact]
    public void A_path_segment_is_escaped()
    {
        PathSegment.Escape("id", "a/b ?c").ShouldBe("a%2Fb%20%3Fc");
        PathSegment.Escape("id", "...").ShouldBe("...");
    }

    [Fact]
    public void Body_members_are_checked_by_their_wire_names()
    {
        var constraints = new[] { new ParameterConstraint("custom_id", maxLength: 3), new ParameterConstraint("not_a_member", maxLength: 1) };

        Should.Throw<ArgumentException>(() => BodyConstraints.Check(new Body { CustomId = "long" }, constraints)).ParamName.ShouldBe("custom_id");
        BodyConstraints.Check(new Body { CustomId = "ok" }, constraints);
        BodyConstraints.Check(null, constraints);
    }

    private sealed class Body
    {
        [JsonProperty("custom_id")]
        public string? CustomId { get; set; }
    }
}
