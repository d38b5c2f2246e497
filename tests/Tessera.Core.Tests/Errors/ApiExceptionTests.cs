using Tessera.Core.Diagnostics;
using Tessera.Core.Errors;

namespace Tessera.Core.Tests.Errors;

public class ApiExceptionTests
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> JsonHeaders =
        new Dictionary<string, IEnumerable<string>>
        {
            ["Content-Type"] = ["application/json; charset=utf-8"],
            ["X-Request-Id"] = ["req-42"],
        };

    [Fact]
    public void The_message_has_the_status_and_a_redacted_body_excerpt()
    {
        var ex = new ApiException(
            "The HTTP status code of the response was not expected.",
            400,
            "{\"error\":\"invalid_client\",\"client_secret\":\"cs-leak-1\",\"details\":{\"access_token\":\"at-leak-2\"}}",
            JsonHeaders,
            null);

        ex.Message.ShouldStartWith("The HTTP status code of the response was not expected. (HTTP 400)");
        ex.Message.ShouldContain("invalid_client");
        ex.Message.ShouldNotContain("cs-leak-1");
        ex.Message.ShouldNotContain("at-leak-2");
        ex.ToString().ShouldNotContain("cs-leak-1");
        ex.Response!.ShouldContain("cs-leak-1");
    }

    [Fact]
    public void Registered_secrets_are_scrubbed_from_the_message()
    {
        var secret = "registered-" + Guid.NewGuid().ToString("N");
        SecretRedactor.Shared.AddSecret(secret);

        var ex = new ApiException($"Call with {secret} failed", 500, $"server said: {secret}", JsonHeaders, null);

        ex.Message.ShouldNotContain(secret);
        ex.ToString().ShouldNotContain(secret);
    }

    [Fact]
    public void The_body_excerpt_is_truncated()
    {
        var body = "{\"message\":\"" + new string('x', 5000) + "\",\"apiKey\":\"k-leak\"}";

        var ex = new ApiException("Failed.", 502, body, JsonHeaders, null);

        ex.Message.Length.ShouldBeLessThanOrEqualTo("Failed. (HTTP 502): ".Length + ApiException.MaxBodyExcerptLength);
        ex.Message.ShouldEndWith("…");
        ex.Message.ShouldNotContain("k-leak");
        ex.Response.ShouldBe(body);
    }

    [Fact]
    public void Without_a_body_the_message_has_just_the_status()
    {
        var ex = new ApiException("Not found.", 404, null, new Dictionary<string, IEnumerable<string>>(), null);

        ex.Message.ShouldBe("Not found. (HTTP 404)");
        ex.Error.ShouldBeNull();
        ex.RequestId.ShouldBeNull();
    }

    [Theory]
    [InlineData("x-request-id")]
    [InlineData("Request-Id")]
    [InlineData("X-Correlation-ID")]
    public void The_request_id_is_read_from_the_headers(string header)
    {
        var ex = new ApiException("x", 500, null, new Dictionary<string, IEnumerable<string>> { [header] = ["abc-123"] }, null);

        ex.RequestId.ShouldBe("abc-123");
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(422, false)]
    public void IsTransient_covers_408_429_and_5xx(int status, bool expected) =>
        new ApiException("x", status, null, JsonHeaders, null).IsTransient.ShouldBe(expected);

    [Fact]
    public void The_inner_exception_and_raw_values_are_kept()
    {
        var inner = new InvalidOperationException("inner");

        var ex = new ApiException("x", 418, "teapot", JsonHeaders, inner);

        ex.InnerException.ShouldBeSameAs(inner);
        ex.StatusCode.ShouldBe(418);
        ex.Headers.Keys.ShouldBe(JsonHeaders.Keys, ignoreOrder: true);
        ex.Headers["x-request-id"].ShouldBe(["req-42"], "header names are case-insensitive");
    }

    [Fact]
    public void A_body_too_large_to_redact_is_kept_but_not_quoted()
    {
        var body = "{\"access_token\":\"" + new string('a', ApiException.MaxRedactedBodyLength) + "\"}";

        var ex = new ApiException("Unreadable", 200, body, JsonHeaders, null);

        ex.Message.ShouldBe(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Unreadable (HTTP 200): [{body.Length:N0}-character body not shown; see Response]"));
        ex.Response.ShouldBeSameAs(body);
    }
}
