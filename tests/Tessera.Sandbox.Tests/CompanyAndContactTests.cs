using System.Net;
using System.Text.Json.Nodes;
using Tessera.Sandbox.Tests.Infrastructure;

namespace Tessera.Sandbox.Tests;

public sealed class CompanyAndContactTests
{
    private static object NewCompany(string name, object[]? contacts = null) => new Dictionary<string, object?>
    {
        ["name"] = name,
        ["address"] = new { street = "5500 S Quebec St", street2 = "Ste. 350", city = "Greenwood Village", stateOrProvince = "CO", postalCode = "80111", country = "US" },
        ["phone"] = "303-555-0100",
        ["website"] = "https://www.example.com/",
        ["externalId"] = "EXT-1",
        ["billOnBehalfOfEnabled"] = false,
        ["selfServiceAllowed"] = true,
        ["orderApprovalRequired"] = true,
        ["contacts"] = contacts,
    };

    private static object NewContact(string first, params (string Type, bool Primary)[] types) => new
    {
        firstName = first,
        lastName = "Example",
        email = first.ToLowerInvariant() + "@example.com",
        phone = "303-555-0123",
        types = types.Select(type => new { type = type.Type, primary = type.Primary }).ToArray(),
    };

    [Fact]
    public async Task Company_created_without_contacts_is_Inactive_and_listed()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();

        var company = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "companies", NewCompany("Acme Widgets LLC")))!;

        company["status"]!.GetValue<string>().ShouldBe("Inactive");
        company["name"]!.GetValue<string>().ShouldBe("Acme Widgets LLC");
        company["address"]!["country"]!.GetValue<string>().ShouldBe("US");
        company["orderApprovalRequired"]!.GetValue<bool>().ShouldBeTrue();
        var id = company["id"]!.GetValue<string>();
        sandbox.State.CreatedCompanyIds.ShouldBe([id]);
        sandbox.State.CompanyCount.ShouldBe(321);
        (await sandbox.GetOkAsync($"companies/{id}"))["name"]!.GetValue<string>().ShouldBe("Acme Widgets LLC");
        (await sandbox.GetOkAsync("companies?size=1"))["page"]!["totalElements"]!.GetValue<long>().ShouldBe(321);
    }

    [Fact]
    public async Task Company_created_with_contacts_is_Active()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();

        var company = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "companies",
            NewCompany("Acme Active Inc.", [NewContact("Ada", ("Admin", true), ("Billing", true), ("Technical", true))])))!;

        company["status"]!.GetValue<string>().ShouldBe("Active");
        var contacts = (await sandbox.GetOkAsync($"companies/{company["id"]}/contacts"))["content"]!.AsArray();
        contacts.Count.ShouldBe(1);
        contacts[0]!["types"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Invalid_company_is_422_with_one_detail_per_problem()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();

        var body = await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, "companies", new { name = "Only a name", address = new { country = "usa" } });

        body.ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        var instances = body!["details"]!.AsArray().Select(detail => detail!["instance"]!.GetValue<string>()).ToList();
        instances.ShouldContain("phone");
        instances.ShouldContain("website");
        instances.ShouldContain("address.country");
        instances.ShouldContain("orderApprovalRequired");
        sandbox.State.CreatedCompanyIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Patch_updates_sent_fields_and_rejects_empty_or_unchanged_updates()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var company = (await sandbox.GetOkAsync("companies?size=1"))["content"]![0]!;
        var id = company["id"]!.GetValue<string>();

        var updated = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Patch, $"companies/{id}", new { name = "Renamed Co", address = new { city = "Boulder" } }))!;

        updated["name"]!.GetValue<string>().ShouldBe("Renamed Co");
        updated["address"]!["city"]!.GetValue<string>().ShouldBe("Boulder");
        updated["address"]!["street"]!.GetValue<string>().ShouldBe(company["address"]!["street"]!.GetValue<string>());
        updated["website"]!.GetValue<string>().ShouldBe(company["website"]!.GetValue<string>());
        (await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, $"companies/{id}", new { })).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        (await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Patch, $"companies/{id}", new { name = "Renamed Co" })).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        (await sandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Patch, $"companies/{Guid.NewGuid()}", new { name = "X" })).ShouldBeError(404, "NOT_FOUND");
    }

    [Fact]
    public async Task Contacts_can_be_created_read_replaced_and_deleted_and_activate_the_company()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var company = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "companies", NewCompany("Contact Test Ltd")))!;
        var id = company["id"]!.GetValue<string>();

        var admin = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"companies/{id}/contacts", NewContact("Grace", ("Admin", true))))!;
        (await sandbox.GetOkAsync($"companies/{id}"))["status"]!.GetValue<string>().ShouldBe("Inactive");
        var other = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"companies/{id}/contacts", NewContact("Alan", ("Billing", true), ("Technical", true))))!;
        (await sandbox.GetOkAsync($"companies/{id}"))["status"]!.GetValue<string>().ShouldBe("Active");

        admin["phone"]!.GetValue<string>().ShouldBe("303-555-0123");
        admin["phoneNumber"]!.GetValue<string>().ShouldBe("3035550123"); // D3
        admin["createdDate"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        var contactId = other["id"]!.GetValue<string>();
        (await sandbox.GetOkAsync($"companies/{id}/contacts/{contactId}"))["firstName"]!.GetValue<string>().ShouldBe("Alan");

        var replaced = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Put, $"companies/{id}/contacts/{contactId}", NewContact("Alana", ("Billing", false))))!;
        replaced["firstName"]!.GetValue<string>().ShouldBe("Alana");
        replaced["types"]!.AsArray().Count.ShouldBe(1);

        await sandbox.SendExpectingAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"companies/{id}/contacts/{contactId}");
        (await sandbox.SendExpectingAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"companies/{id}/contacts/{contactId}")).ShouldBeError(404, "NOT_FOUND");

        // The last contact of an active company cannot be deleted ("Invalid contact delete").
        (await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Delete, $"companies/{id}/contacts/{admin["id"]}")).ShouldBeError(422, "UNPROCESSABLE_ENTITY");
    }

    [Fact]
    public async Task A_new_primary_contact_takes_the_role_over()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var company = (await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, "companies",
            NewCompany("Primary Co", [NewContact("First", ("Admin", true), ("Billing", true), ("Technical", true))])))!;
        var id = company["id"]!.GetValue<string>();

        await sandbox.SendExpectingAsync(HttpStatusCode.OK, HttpMethod.Post, $"companies/{id}/contacts", NewContact("Second", ("Billing", true)));

        var contacts = (await sandbox.GetOkAsync($"companies/{id}/contacts"))["content"]!.AsArray();
        var billingPrimaries = contacts.Where(contact => contact!["types"]!.AsArray().Any(type => type!["type"]!.GetValue<string>() == "Billing" && type["primary"]!.GetValue<bool>())).ToList();
        billingPrimaries.Count.ShouldBe(1);
        billingPrimaries[0]!["firstName"]!.GetValue<string>().ShouldBe("Second");
        contacts[0]!["firstName"]!.GetValue<string>().ShouldBe("Second"); // newest first
    }

    [Fact]
    public async Task Contact_types_must_be_objects_and_required_fields_present()
    {
        await using var sandbox = await TestSandbox.StartAuthorizedAsync();
        var id = (await sandbox.GetOkAsync("companies?size=1"))["content"]![0]!["id"]!.GetValue<string>();

        var body = await sandbox.SendExpectingAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"companies/{id}/contacts",
            JsonNode.Parse("""{"firstName":"No","lastName":"Phone","email":"not-an-email","types":["Admin"]}"""));

        body.ShouldBeError(422, "UNPROCESSABLE_ENTITY");
        var instances = body!["details"]!.AsArray().Select(detail => detail!["instance"]!.GetValue<string>()).ToList();
        instances.ShouldContain("phone");
        instances.ShouldContain("email");
        instances.ShouldContain("types[0]");
    }
}
