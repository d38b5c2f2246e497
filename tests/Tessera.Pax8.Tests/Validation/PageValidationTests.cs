using Tessera.Pax8.Tests.Infrastructure;

namespace Tessera.Pax8.Tests.Validation;

/// <summary>Page and size outside what the spec allows are refused before anything is sent.</summary>
public sealed class PageValidationTests
{
    [Theory]
    [InlineData(0, null, "size", "between 1 and 200")]
    [InlineData(201, null, "size", "between 1 and 200")]
    [InlineData(-5, null, "size", "between 1 and 200")]
    [InlineData(10, -1, "page", "must not be negative")]
    public async Task Out_of_range_page_or_size_is_refused_without_a_request(int size, int? page, string parameter, string message)
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company-page")));

        var exception = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.FindCompaniesAsync(page: page, size: size));

        exception.ParamName.ShouldBe(parameter);
        exception.Message.ShouldContain(message);
        transport.Requests.ShouldBeEmpty("neither the token nor the list request was sent");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(200, 7)]
    public async Task The_limits_themselves_are_sent(int size, int page)
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("company-page")));

        await client.FindCompaniesAsync(page: page, size: size);

        transport.Requests.Last().Uri.Query.ShouldContain($"size={size}");
        transport.Requests.Last().Uri.Query.ShouldContain($"page={page}");
    }
}
