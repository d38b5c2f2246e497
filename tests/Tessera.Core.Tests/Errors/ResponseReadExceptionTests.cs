using System.Net;
using Newtonsoft.Json;
using Tessera.Core.Errors;
using Tessera.Core.Operations;

namespace Tessera.Core.Tests.Errors;

public sealed class ResponseReadExceptionTests
{
    private static readonly Dictionary<string, IEnumerable<string>> Headers = new() { ["Content-Type"] = ["application/json"] };

    [Fact]
    public void The_message_names_the_operation_the_path_the_expected_type_and_what_came()
    {
        const string Body = """{"content":[{"productId":"9d7e0b3a-1f2c-4c5d-8e9f-0a1b2c3d4e5f"},{"productId":"e73f3a55-ce5d-4f3e-bf3je60ad5lq"}]}""";

        var failure = Read<Page>(Body, out var response);

        failure.Operation.ShouldBe("Pax8 findUsageLines");
        failure.JsonPath.ShouldBe("content[1].productId");
        failure.Expected.ShouldBe("Line.productId (UUID)");
        failure.Actual.ShouldBe("the string \"e73f3a55-ce5d-4f3e-bf3je60ad5lq\"");
        failure.Message.ShouldStartWith("Pax8 findUsageLines: Could not read 'content[1].productId' (line 1, position ");
        failure.Message.ShouldContain("as Line.productId (UUID); got the string \"e73f3a55-ce5d-4f3e-bf3je60ad5lq\"");
        failure.StatusCode.ShouldBe(200);
        failure.Response.ShouldBe(Body);
        response.Dispose();
    }

    [Fact]
    public void A_number_that_is_not_an_integer_is_quoted_as_it_came()
    {
        var failure = Read<Line>("""{"days":12.5}""", out _);

        failure.Expected.ShouldBe("Line.days (integer)");
        failure.Actual.ShouldBe("the number 12.5");
    }

    [Fact]
    public void A_sensitive_member_is_never_quoted()
    {
        // Registered secrets go through SecretRedactor.Shared like every message (its own tests cover that; here it
        // would race with tests that fill the shared redactor to its capacity).
        Read<Line>("""{"access_token":42}""", out _).Actual.ShouldBe("the number ***");
    }

    [Fact]
    public void A_long_value_is_cut_and_an_unknown_path_says_only_what_it_knows()
    {
        var failure = Read<Line>("{\"days\":\"" + new string('x', 200) + "\"}", out _);

        failure.Actual!.Length.ShouldBeLessThanOrEqualTo("the string ".Length + ResponseReadException.MaxQuotedValueLength);
        failure.Actual.ShouldEndWith("…");
        ResponseReadException.From(new JsonReaderException("Unexpected character."), typeof(Line), 200, "<html>", Headers).Message
            .ShouldBe("Could not read the body as part of Line: Unexpected character. (HTTP 200): <html>");
    }

    private static ResponseReadException Read<T>(string body, out HttpResponseMessage response)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://api.pax8.test/v1/usage-lines");
        request.Options.Set(OperationDescriptor.RequestOption, new OperationDescriptor("Pax8", "findUsageLines", "GET", "/usage-lines", OperationAuthentication.Bearer));
        response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
        try
        {
            JsonConvert.DeserializeObject<T>(body);
        }
        catch (JsonException exception)
        {
            return ResponseReadException.From(exception, typeof(T), response, body, Headers);
        }

        throw new ShouldAssertException("The body was read.");
    }

    public sealed class Page
    {
        [JsonProperty("content")]
        public List<Line> Content { get; set; } = [];
    }

    public sealed class Line
    {
        [JsonProperty("productId")]
        public Guid ProductId { get; set; }

        [JsonProperty("days")]
        public int Days { get; set; }

        [JsonProperty("access_token")]
        public Guid AccessToken { get; set; }
    }
}
