using System.Net;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;

namespace Tessera.Pax8.Tests.Errors;

public sealed class ErrorTests
{
    [Fact]
    public async Task A_documented_error_is_a_typed_exception_with_status_headers_body_and_parsed_error()
    {
        var client = TestClients.Canned(_ =>
        {
            var response = RecordingHandler.Json(Payloads.Read("error-404"), HttpStatusCode.NotFound);
            response.Headers.Add("x-request-id", "req-123");
            return response;
        }).Client;

        var exception = await Should.ThrowAsync<Pax8ApiException<Pax8Error>>(() => client.FindCompanyByIdAsync(OperationCases.CompanyId));

        exception.StatusCode.ShouldBe(404);
        exception.Result.Type.ShouldBe("NOT_FOUND");
        exception.Result.Instance.ShouldBe("/public/v1/companies/" + OperationCases.CompanyId);
        exception.Error.ShouldBeSameAs(exception.Result);
        exception.Response!.ShouldContain("Company Not Found");
        exception.Headers.ContainsKey("x-request-id").ShouldBeTrue();
        exception.RequestId.ShouldBe("req-123");
        exception.ShouldBeAssignableTo<Tessera.Core.Errors.ApiException>();
        exception.Request.ShouldBe($"Pax8 findCompanyById (GET https://api.pax8.com/v1/companies/{OperationCases.CompanyId})");
        exception.Message.ShouldStartWith($"Pax8 findCompanyById (GET https://api.pax8.com/v1/companies/{OperationCases.CompanyId}): ", Case.Sensitive, "an HTTP error names the operation, method and URL");
    }

    [Fact]
    public async Task A_wrong_path_says_which_url_answered_404()
    {
        // A base address without the API's path prefix: Pax8's front door answers 404 with no body.
        var client = TestClients.Canned(_ => new HttpResponseMessage(HttpStatusCode.NotFound), o => o.BaseUrl = new Uri("https://api.pax8.com/")).Client;

        var exception = await Should.ThrowAsync<Pax8ApiException>(() => client.FindCompanyByIdAsync(OperationCases.CompanyId));

        exception.Message.ShouldContain($"(GET https://api.pax8.com/companies/{OperationCases.CompanyId})");
        exception.Message.ShouldContain("(HTTP 404)");
    }

    [Fact]
    public async Task An_undocumented_error_body_still_gives_a_typed_exception()
    {
        var client = TestClients.Canned(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><body>Bad gateway</body></html>", System.Text.Encoding.UTF8, "text/html"),
        }).Client;

        var exception = await Should.ThrowAsync<Pax8ApiException>(() => client.FindCompanyByIdAsync(OperationCases.CompanyId));

        exception.StatusCode.ShouldBe(502);
        exception.Response!.ShouldContain("Bad gateway");
    }

    [Fact]
    public async Task Exception_messages_never_carry_secrets_even_when_the_body_echoes_them()
    {
        var client = TestClients.Canned(_ => RecordingHandler.Json(
            $$"""{"type":"BAD_REQUEST","message":"bad token {{TestClients.AccessToken}} for {{TestClients.ClientSecret}}","status":400,"details":[]}""",
            HttpStatusCode.UnprocessableEntity)).Client;

        var exception = await Should.ThrowAsync<Pax8ApiException>(() => client.CreateCompanyAsync(OperationCases.NewCompany()));

        exception.Message.ShouldNotContain(TestClients.AccessToken);
        exception.Message.ShouldNotContain(TestClients.ClientSecret);
        exception.ToString().ShouldNotContain(TestClients.ClientSecret);
    }
}
