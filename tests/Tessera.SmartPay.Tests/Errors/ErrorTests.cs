using Tessera.Testing;
using System.Net;
using Tessera.SmartPay.Tests.Infrastructure;

namespace Tessera.SmartPay.Tests.Errors;

/// <summary>Errors in the body are failures whatever the HTTP status (A8); every code and message reaches the caller.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task Errors_on_HTTP_200_are_a_typed_exception_with_every_code_status_headers_and_body()
    {
        var client = TestClients.Canned(_ =>
        {
            var response = TestClients.Json(Payloads.Read("errors-on-200"));
            response.Headers.Add("x-request-id", "req-42");
            return response;
        }).Client;

        var exception = await Should.ThrowAsync<SmartPayErrorResponseException>(() => client.CreateConsumerAsync(Wire.OperationCases.NewConsumer()));

        exception.StatusCode.ShouldBe(200);
        exception.OperationId.ShouldBe("createConsumer");
        exception.Errors.ShouldBe(new Dictionary<string, string>
        {
            ["4654"] = "Unable to create consumer because email address already exists.",
            ["7389"] = "A mandatory input parameter wasn't found or was invalid.",
        });
        exception.HasCode(SmartPayErrorCodes.EmailAlreadyExists).ShouldBeTrue();
        exception.HasCode("0001").ShouldBeFalse();
        exception.Warnings.Keys.ShouldBe([SmartPayErrorCodes.InputIgnoredWarning]);
        exception.IsTokenError.ShouldBeFalse();
        exception.Response!.ShouldContain("email address already exists");
        exception.RequestId.ShouldBe("req-42");
        exception.Headers["Content-Type"].ShouldNotBeEmpty();
        exception.Message.ShouldContain("4654: Unable to create consumer");
        exception.Message.ShouldContain("7389");
        exception.ShouldBeAssignableTo<SmartPayApiException>();
        exception.ShouldBeAssignableTo<Tessera.Core.Errors.ApiException>();
    }

    [Fact]
    public async Task Messages_never_carry_the_api_key_or_token_even_when_the_body_echoes_them()
    {
        var client = TestClients.Canned(_ => TestClients.Json(
            $$$"""{"api_key":"{{{TestClients.ApiKey}}}","token":"{{{TestClients.Token}}}","errors":{"7389":"bad input {{{TestClients.Token}}} / {{{TestClients.ApiKey}}}"}}""")).Client;

        var exception = await Should.ThrowAsync<SmartPayErrorResponseException>(() => client.GetConsumersAsync(new GetConsumersRequest()));

        exception.Message.ShouldNotContain(TestClients.ApiKey);
        exception.Message.ShouldNotContain(TestClients.Token);
        exception.ToString().ShouldNotContain(TestClients.ApiKey);
        exception.ToString().ShouldNotContain(TestClients.Token);
        exception.Errors["7389"].ShouldContain(TestClients.Token, customMessage: "the parsed map stays raw for programmatic use");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task An_empty_errors_member_beside_a_result_is_a_success(string empty)
    {
        var client = TestClients.Canned(_ => TestClients.Json($$$"""{"result":{"status":"success"},"errors":{{{empty}}}}""")).Client;

        var response = await client.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "a" });

        response.Result!.Status.ShouldBe(OperationStatus.Success);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    public async Task An_empty_errors_member_beside_a_list_result_keeps_the_warnings_and_the_page(string empty)
    {
        var warned = new List<SmartPayWarnings>();
        var client = TestClients.Canned(
            _ => TestClients.Json($$$"""{"result":[{"webhook_id":"w1","topic":"invoice/paid","url":"https://shop.example/hooks"}],"page":1,"total_pages":1,"errors":{{{empty}}},"warnings":{"3841":"No page number specified, so defaulted to 1"}}"""),
            o => o.OnWarnings = warned.Add).Client;

        var response = await client.GetWebhooksAsync(new GetWebhooksRequest());

        response.Result!.Select(w => w.WebhookId).ShouldBe(["w1"]);
        warned.Single().Warnings.Keys.ShouldBe(["3841"]);
    }

    [Fact]
    public async Task An_empty_errors_member_without_a_result_is_still_a_failure()
    {
        var client = TestClients.Canned(_ => TestClients.Json("""{"errors":{}}""")).Client;

        var exception = await Should.ThrowAsync<SmartPayErrorResponseException>(() => client.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "a" }));

        exception.Errors.ShouldBeEmpty();
        exception.Message.ShouldContain("empty errors member");
    }

    [Fact]
    public async Task A_null_errors_member_is_not_a_failure()
    {
        var client = TestClients.Canned(_ => TestClients.Json("""{"errors":null,"result":{"status":"success"}}""")).Client;

        var response = await client.DeleteConsumerAsync(new DeleteConsumerRequest { ConsumerId = "a" });

        response.Result!.Status.ShouldBe(OperationStatus.Success);
    }

    [Fact]
    public async Task Errors_with_a_non_2xx_status_are_typed_the_same_way()
    {
        var client = TestClients.Canned(_ => TestClients.Json("""{"errors":{"6859":"It's not you, it's us; something apparently went wrong on our end."}}""", HttpStatusCode.InternalServerError)).Client;

        var exception = await Should.ThrowAsync<SmartPayErrorResponseException>(() => client.CreateWebhookAsync(new CreateWebhookRequest { Topic = "invoice/paid", Url = new Uri("https://x.example/h") }));

        exception.StatusCode.ShouldBe(500);
        exception.HasCode(SmartPayErrorCodes.ServerError).ShouldBeTrue();
        exception.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task A_non_2xx_status_without_errors_is_a_failure_too()
    {
        var client = TestClients.Canned(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><body>Bad gateway</body></html>", System.Text.Encoding.UTF8, "text/html"),
        }).Client;

        var exception = await Should.ThrowAsync<SmartPayApiException>(() => client.GetOrdersAsync(new GetOrdersRequest()));

        exception.StatusCode.ShouldBe(502);
        exception.Errors.ShouldBeEmpty();
        exception.Response!.ShouldContain("Bad gateway");
    }

    [Fact]
    public async Task A_400_error_envelope_exposes_its_codes_through_the_generated_exception()
    {
        var client = TestClients.Canned(_ => TestClients.Json("""{"errors":{"400":"Refund declined"}}""", HttpStatusCode.BadRequest)).Client;

        var exception = await Should.ThrowAsync<SmartPayApiException>(() => client.GetOrdersAsync(new GetOrdersRequest()));

        exception.StatusCode.ShouldBe(400);
        exception.Errors["400"].ShouldBe("Refund declined");
    }

    [Fact]
    public async Task Warnings_are_surfaced_on_the_response_to_the_callback_and_never_thrown()
    {
        var notices = new List<SmartPayWarnings>();
        using var logs = new TestLogs();
        var client = TestClients.Canned(
            _ => TestClients.Json(Payloads.Read("consumer-list")),
            o => o.OnWarnings = notices.Add,
            logs.Factory).Client;

        var response = await client.GetConsumersAsync(new GetConsumersRequest());

        response.Warnings!.Keys.ShouldBe([SmartPayErrorCodes.NoFormatWarning]);
        notices.Count.ShouldBe(1);
        notices[0].OperationId.ShouldBe("getConsumers");
        notices[0].Warnings[SmartPayErrorCodes.NoFormatWarning].ShouldBe("No output format specified, so defaulted to JSON");
        logs.Records.ShouldContain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("9011: No output format specified", StringComparison.Ordinal));
    }

    [Fact]
    public void Token_error_detection_covers_every_documented_code_and_token_messages()
    {
        foreach (var code in new[] { "2546", "5783", "0002", "0003" })
        {
            SmartPayErrorCodes.IsTokenError(new Dictionary<string, string> { [code] = "whatever" }).ShouldBeTrue(code);
        }

        SmartPayErrorCodes.IsTokenError(new Dictionary<string, string> { ["4242"] = "Token not recognised" }).ShouldBeTrue();
        SmartPayErrorCodes.IsTokenError(new Dictionary<string, string> { ["1001"] = "Invalid key" }).ShouldBeFalse();
        SmartPayErrorCodes.IsTokenError(new Dictionary<string, string> { ["2"] = "Daily query cap" }).ShouldBeFalse();
    }
}
