using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tessera.Core.Serialization;

namespace Tessera.Conventions.Tests;

/// <summary>
/// Issue 16 as reported: an ASP.NET Core app returns a generated model (System.Text.Json, the framework's defaults,
/// nothing registered by the app) and reads one from a request body. The JSON is the client's: the extensible enum is
/// its string (an unknown value verbatim), the extra member is inline, and there is no <c>additionalProperties</c>.
/// </summary>
public sealed class AspNetCoreModelSerializationTests
{
    private const string CompanyJson = """
        {"id":"5c1a7b5e-1f6f-4a8e-9a53-6c0f2f1f9e10","name":"Contoso","address":{"city":"Denver"},"website":"contoso.example","billOnBehalfOfEnabled":true,"status":"a-status-added-later","updatedDate":"2024-07-14T10:00:00-0600","partner_tier":{"level":3}}
        """;

    [Fact]
    public async Task A_minimal_api_writes_and_reads_a_model_as_the_client_does()
    {
        var company = JsonConvert.DeserializeObject<Pax8.Company>(CompanyJson, ClientJsonSettings.Create())!;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/company", () => company);
        app.MapPost("/company", (Pax8.Company posted) => Results.Ok(new { status = posted.Status?.Value, known = posted.Status?.IsKnown, extra = posted.AdditionalProperties["partner_tier"].GetType().Name, updated = posted.UpdatedDate }));
        await app.StartAsync();
        using var http = app.GetTestClient();

        var written = JObject.Parse(await http.GetStringAsync(new Uri("/company", UriKind.Relative)));

        JToken.DeepEquals(written, JObject.Parse(JsonConvert.SerializeObject(company, ClientJsonSettings.Create()))).ShouldBeTrue(written.ToString());
        written["status"]!.Type.ShouldBe(JTokenType.String);
        written["status"]!.Value<string>().ShouldBe("a-status-added-later");
        written["partner_tier"]!["level"]!.Value<int>().ShouldBe(3);
        written.Properties().Select(p => p.Name).ShouldNotContain("additionalProperties");

        using var response = await http.PostAsync(new Uri("/company", UriKind.Relative), new StringContent(CompanyJson, System.Text.Encoding.UTF8, "application/json"));
        var read = JObject.Parse(await response.Content.ReadAsStringAsync());
        read["status"]!.Value<string>().ShouldBe("a-status-added-later");
        read["known"]!.Value<bool>().ShouldBeFalse();
        read["extra"]!.Value<string>().ShouldBe(nameof(JObject));

        // The date-time Pax8 sends without the offset's colon, which System.Text.Json's own reader refuses.
        DateTimeOffset.Parse(read["updated"]!.Value<string>()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(new DateTimeOffset(2024, 7, 14, 10, 0, 0, TimeSpan.FromHours(-6)));
    }
}
