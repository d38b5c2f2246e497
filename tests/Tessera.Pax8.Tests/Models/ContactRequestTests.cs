using Tessera.Pax8.Tests.Infrastructure;
using Tessera.Pax8.Tests.Wire;

namespace Tessera.Pax8.Tests.Models;

/// <summary>
/// Pax8 requires firstName, lastName, email and phone when a contact is created or replaced, although responses
/// do not always carry the phone: the request schemas (ContactCreate, ContactUpdate) require them, the response
/// schema (Contact) does not.
/// </summary>
public sealed class ContactRequestTests
{
    [Fact]
    public async Task A_new_contact_without_a_phone_is_refused_before_it_is_sent()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("contact")));
        var contact = OperationCases.NewContact();
        contact.Phone = null!;

        await Should.ThrowAsync<Exception>(() => client.CreateContactAsync(contact, OperationCases.CompanyId));

        transport.Requests.ShouldNotContain(r => r.Uri.AbsolutePath.EndsWith("/contacts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replacing_contact_with_an_empty_phone_is_refused_before_it_is_sent()
    {
        var (client, transport) = TestClients.Canned(_ => RecordingHandler.Json(Payloads.Read("contact")));
        var contact = OperationCases.NewContactUpdate();
        contact.Phone = string.Empty;

        await Should.ThrowAsync<ArgumentException>(() => client.UpdateContactAsync(contact, OperationCases.CompanyId, OperationCases.ContactId));

        transport.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void The_request_schemas_require_what_Pax8_requires_and_the_response_schema_does_not()
    {
        static IEnumerable<string> Required(Type type) => type.GetProperties()
            .Where(p => p.GetCustomAttributes(typeof(Newtonsoft.Json.JsonPropertyAttribute), false)
                .Cast<Newtonsoft.Json.JsonPropertyAttribute>().Any(a => a.Required == Newtonsoft.Json.Required.Always))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);

        Required(typeof(ContactCreate)).ShouldBe(["Email", "FirstName", "LastName", "Phone"]);
        Required(typeof(ContactUpdate)).ShouldBe(["Email", "FirstName", "LastName", "Phone"]);
        Required(typeof(Contact)).ShouldNotContain("Phone");
        typeof(CompanyCreate).GetProperty(nameof(CompanyCreate.Contacts))!.PropertyType.ShouldBe(typeof(IList<ContactCreate>));
        typeof(ContactCreate).GetProperty("Id").ShouldBeNull("a request carries no read-only id");
    }
}
