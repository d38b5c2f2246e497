using System.Reflection;
using Newtonsoft.Json;
using Tessera.Core.Serialization;
using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;

namespace Tessera.Pax8.Tests.Models;

/// <summary>
/// Through the client: a page and a company read with the System.Text.Json route (the default) and with it turned off
/// give the same models; the route is the client's own mirror, and it covers the page type.
/// </summary>
public sealed class MirroredReadTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_and_a_company_read_the_same_with_and_without_System_Text_Json(bool drifting)
    {
        var (page, company) = (Payloads.Read("company-page"), Payloads.Read("company"));
        if (!drifting)
        {
            // The payloads carry members the spec does not list (drift, read by Json.NET); without them the mirror reads.
            (page, company) = (WithoutUnknownMembers(page), WithoutUnknownMembers(company));
        }

        var viaMirror = await ReadAsync(page, company, mirror: true);
        var viaJsonNet = await ReadAsync(page, company, mirror: false);

        viaMirror.ShouldBe(viaJsonNet);
        var reader = MirrorOf(typeof(Pax8Client)).ShouldNotBeNull("the client built its mirror when it read a body");
        reader.IsMirrored(typeof(CompanyPage), out var reason).ShouldBeTrue(reason);
        reader.IsMirrored(typeof(Company), out reason).ShouldBeTrue(reason);
    }

    private static async Task<string> ReadAsync(string page, string company, bool mirror)
    {
        var client = TestClients.Canned(request => RecordingHandler.Json(request.RequestUri!.AbsolutePath.EndsWith("/companies", StringComparison.Ordinal) ? page : company)).Client;
        client.UseSystemTextJsonWhenExact = mirror;
        var readPage = await client.FindCompaniesAsync();
        var readCompany = await client.FindCompanyByIdAsync(OperationCases.CompanyId);
        return JsonConvert.SerializeObject(readPage) + JsonConvert.SerializeObject(readCompany);
    }

    private static string WithoutUnknownMembers(string json)
    {
        var token = Newtonsoft.Json.Linq.JToken.Parse(json);
        foreach (var member in token.SelectTokens("$..someNewField").Select(value => value.Parent!).ToList())
        {
            member.Remove();
        }

        return token.ToString(Formatting.None);
    }

    private static MirroredSystemTextJsonReader? MirrorOf(Type client)
    {
        var lazy = client.GetField("_mirroredReader", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        return lazy.GetType().GetProperty("IsValueCreated")!.GetValue(lazy) is true
            ? (MirroredSystemTextJsonReader?)lazy.GetType().GetProperty("Value")!.GetValue(lazy)
            : null;
    }
}
