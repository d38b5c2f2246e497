using System.Net;
using Tessera.Smartex.Tests.Infrastructure;

namespace Tessera.Smartex.Tests.Errors;

public sealed class ErrorTests
{
    [Fact]
    public async Task The_string_form_of_error_is_a_typed_exception()
    {
        var client = TestClients.Canned(_ =>
        {
            var response = RecordingHandler.Json(Payloads.Read("error-string"), HttpStatusCode.Forbidden);
            response.Headers.Add("x-request-id", "req-7");
            return response;
        }).Client;

        var exception = await Should.ThrowAsync<SmartexErrorException>(() => client.GetLedgersAsync());

        exception.StatusCode.ShouldBe(403);
        exception.ErrorMessage.ShouldBe("Invalid token");
        exception.ErrorType.ShouldBeNull();
        exception.Messages.ShouldBe(["Invalid token"]);
        exception.Result.Error.ShouldBe("Invalid token");
        exception.Response.ShouldBe(Payloads.Read("error-string"));
        exception.RequestId.ShouldBe("req-7");
        exception.Message.ShouldContain("Invalid token");
        exception.ShouldBeAssignableTo<SmartexApiException<SmartexErrorResponse>>();
        exception.ShouldBeAssignableTo<Tessera.Core.Errors.ApiException>();
    }

    [Fact]
    public async Task The_object_form_of_error_exposes_type_message_and_field_messages()
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("error-object"), HttpStatusCode.BadRequest)).Client;

        var exception = await Should.ThrowAsync<SmartexErrorException>(() => client.CreateInvoiceAsync(new InvoiceRequest { Price = 1m, Currency = "XXX" }));

        exception.StatusCode.ShouldBe(400);
        exception.ErrorType.ShouldBe("validationError");
        exception.ErrorMessage.ShouldBe("One or more fields is invalid");
        exception.FieldMessages["currency"].ShouldBe("Unsupported currency");
        exception.Messages.ShouldBe(["One or more fields is invalid", "price: Price must be formatted as a float", "currency: Unsupported currency"]);
        exception.Message.ShouldContain("validationError: One or more fields is invalid");
    }

    [Fact]
    public async Task A_200_carrying_errors_is_a_failure()
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("errors-200"))).Client;

        var exception = await Should.ThrowAsync<SmartexErrorException>(() => client.CreateInvoiceAsync(new InvoiceRequest { Price = 1m, Currency = "USD" }));

        exception.StatusCode.ShouldBe(200);
        exception.ErrorMessage.ShouldBe("Invoice creation is disabled for this account");
        exception.Messages.Count.ShouldBe(2);
        exception.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task An_empty_errors_array_on_a_200_is_a_success()
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("rates").TrimEnd().TrimEnd('}') + ",\"errors\":[],\"error\":null}")).Client;

        var rates = await client.GetRatesAsync();

        rates.Data.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_failure_without_an_envelope_is_still_a_generated_api_exception()
    {
        var client = TestClients.Canned(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><body>Bad gateway</body></html>", System.Text.Encoding.UTF8, "text/html"),
        }).Client;

        var exception = await Should.ThrowAsync<SmartexApiException>(() => client.GetRatesAsync());

        exception.ShouldNotBeOfType<SmartexErrorException>();
        exception.StatusCode.ShouldBe(502);
        exception.Response!.ShouldContain("Bad gateway");
    }

    [Fact]
    public async Task Exception_messages_never_carry_tokens_even_when_the_body_echoes_them()
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json(
            $$"""{"error":"Invalid token {{TestClients.MerchantToken}}","token":"{{TestClients.PosToken}}"}""",
            HttpStatusCode.Unauthorized)).Client;

        var exception = await Should.ThrowAsync<SmartexErrorException>(() => client.GetLedgersAsync());

        exception.Message.ShouldNotContain(TestClients.MerchantToken);
        exception.Message.ShouldNotContain(TestClients.PosToken);
        exception.ToString().ShouldNotContain(TestClients.MerchantToken);
    }
}
