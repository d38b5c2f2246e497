using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tessera.Sandbox.Pax8;

/// <summary>Companies and their contacts.</summary>
internal sealed partial class Pax8Endpoints
{
    private static readonly string[] CompanySortFields = ["name", "city", "country", "stateOrProvince", "postalCode"];
    private static readonly string[] CompanyUpdateFields =
        ["name", "address", "phone", "website", "externalId", "billOnBehalfOfEnabled", "selfServiceAllowed", "orderApprovalRequired"];

    private sealed record ContactInput(string FirstName, string LastName, string Email, string Phone, List<Pax8ContactRole> Types);

    private JsonNode FindCompanies(HttpContext context)
    {
        var request = context.Request;
        var paging = Pax8Query.Paging(request);
        var sort = Pax8Query.Sort(request, CompanySortFields);
        var city = Pax8Query.Text(request, "city");
        var country = Pax8Query.Text(request, "country");
        var stateOrProvince = Pax8Query.Text(request, "stateOrProvince");
        var postalCode = Pax8Query.Text(request, "postalCode");
        var selfServiceAllowed = Pax8Query.Boolean(request, "selfServiceAllowed");
        var billOnBehalfOfEnabled = Pax8Query.Boolean(request, "billOnBehalfOfEnabled");
        var orderApprovalRequired = Pax8Query.Boolean(request, "orderApprovalRequired");
        var status = Pax8Query.OneOf(request, "status", CompanyStatuses);

        static bool Matches(string? filter, string? value) =>
            filter is null || string.Equals(filter, value, StringComparison.OrdinalIgnoreCase);

        lock (store.Sync)
        {
            var companies = store.Companies.Where(company =>
                Matches(city, company.Address.City)
                && Matches(country, company.Address.Country)
                && Matches(stateOrProvince, company.Address.StateOrProvince)
                && Matches(postalCode, company.Address.PostalCode)
                && (selfServiceAllowed is null || company.SelfServiceAllowed == selfServiceAllowed)
                && (billOnBehalfOfEnabled is null || company.BillOnBehalfOfEnabled == billOnBehalfOfEnabled)
                && (orderApprovalRequired is null || company.OrderApprovalRequired == orderApprovalRequired)
                && (status is null || company.Status == status));
            var sorted = Pax8Query.OrderBy(companies, sort, field => field switch
            {
                "city" => company => company.Address.City,
                "country" => company => company.Address.Country,
                "stateOrProvince" => company => company.Address.StateOrProvince,
                "postalCode" => company => company.Address.PostalCode,
                _ => company => company.Name,
            });
            return Pax8Query.PageOf(sorted, paging, company => Pax8Json.Company(company, asListItem: true));
        }
    }

    private JsonNode FindCompanyById(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8Json.Company(CompanyFromRoute(context), asListItem: false);
        }
    }

    private JsonNode CreateCompany(HttpContext context, JsonObject body)
    {
        var problems = new List<Pax8ErrorDetail>();
        var name = Pax8Body.String(body, "name", "name");
        var addressJson = Pax8Body.Object(body, "address", "address");
        var phone = Pax8Body.String(body, "phone", "phone");
        var website = Pax8Body.String(body, "website", "website");
        var externalId = Pax8Body.String(body, "externalId", "externalId");
        var billOnBehalf = Pax8Body.Boolean(body, "billOnBehalfOfEnabled", "billOnBehalfOfEnabled");
        var selfService = Pax8Body.Boolean(body, "selfServiceAllowed", "selfServiceAllowed");
        var orderApproval = Pax8Body.Boolean(body, "orderApprovalRequired", "orderApprovalRequired");
        var contactsJson = Pax8Body.Array(body, "contacts", "contacts");

        RequireText(problems, "name", name);
        RequireText(problems, "phone", phone);
        RequireText(problems, "website", website);
        if (addressJson is null)
        {
            problems.Add(Problem("address", "address is required"));
        }

        foreach (var (field, value) in new[] { ("billOnBehalfOfEnabled", billOnBehalf), ("selfServiceAllowed", selfService), ("orderApprovalRequired", orderApproval) })
        {
            if (value is null)
            {
                problems.Add(Problem(field, field + " is required"));
            }
        }

        var address = addressJson is null ? null : ReadAddress(addressJson, null, problems);
        var contacts = new List<ContactInput>();
        if (contactsJson is not null)
        {
            for (var index = 0; index < contactsJson.Count; index++)
            {
                var path = $"contacts[{index}]";
                var contactJson = contactsJson[index] as JsonObject ?? throw Pax8Body.WrongType(path, "an object");
                if (ReadContact(contactJson, path, problems) is { } contact)
                {
                    contacts.Add(contact);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw Pax8Errors.Unprocessable("Invalid company", problems);
        }

        lock (store.Sync)
        {
            var company = new Pax8Company
            {
                Id = store.NewId(),
                Name = name!,
                Address = address!,
                Phone = phone,
                Website = website!,
                ExternalId = externalId,
                BillOnBehalfOfEnabled = billOnBehalf!.Value,
                SelfServiceAllowed = selfService!.Value,
                OrderApprovalRequired = orderApproval!.Value,

                // Sending contacts makes the company Active at once; without them it waits for primary contacts.
                Status = contacts.Count > 0 ? "Active" : "Inactive",
                UpdatedDate = Now,
            };
            foreach (var contact in contacts)
            {
                AddContact(company, contact);
            }

            store.Add(company);
            store.CreatedCompanyIds.Add(company.Id.ToString());
            return Pax8Json.Company(company, asListItem: false);
        }
    }

    private JsonNode UpdateCompany(HttpContext context, JsonObject body)
    {
        var problems = new List<Pax8ErrorDetail>();
        if (!CompanyUpdateFields.Any(body.ContainsKey))
        {
            throw Pax8Errors.Unprocessable(
                "Invalid company update: at least one parameter has to be modified",
                [Problem("body", "send at least one of " + string.Join(", ", CompanyUpdateFields))]);
        }

        var name = Pax8Body.String(body, "name", "name");
        var addressJson = Pax8Body.Object(body, "address", "address");
        var phone = Pax8Body.String(body, "phone", "phone");
        var website = Pax8Body.String(body, "website", "website");
        var externalId = Pax8Body.String(body, "externalId", "externalId");
        var billOnBehalf = Pax8Body.Boolean(body, "billOnBehalfOfEnabled", "billOnBehalfOfEnabled");
        var selfService = Pax8Body.Boolean(body, "selfServiceAllowed", "selfServiceAllowed");
        var orderApproval = Pax8Body.Boolean(body, "orderApprovalRequired", "orderApprovalRequired");
        if (name is { Length: 0 } || (body.ContainsKey("name") && name is null))
        {
            problems.Add(Problem("name", "name must not be empty"));
        }

        if (website is { Length: 0 } || (body.ContainsKey("website") && website is null))
        {
            problems.Add(Problem("website", "website must not be empty"));
        }

        lock (store.Sync)
        {
            var company = CompanyFromRoute(context);
            var address = addressJson is null ? null : ReadAddress(addressJson, company.Address, problems);
            if (problems.Count > 0)
            {
                throw Pax8Errors.Unprocessable("Invalid company update", problems);
            }

            var changed = false;
            void SetText(string? value, string? current, Action<string> apply)
            {
                if (value is not null && !string.Equals(value, current, StringComparison.Ordinal))
                {
                    apply(value);
                    changed = true;
                }
            }

            void SetFlag(bool? value, bool current, Action<bool> apply)
            {
                if (value is { } flag && flag != current)
                {
                    apply(flag);
                    changed = true;
                }
            }

            SetText(name, company.Name, value => company.Name = value);
            SetText(phone, company.Phone, value => company.Phone = value);
            SetText(website, company.Website, value => company.Website = value);
            SetText(externalId, company.ExternalId, value => company.ExternalId = value);
            SetFlag(billOnBehalf, company.BillOnBehalfOfEnabled, value => company.BillOnBehalfOfEnabled = value);
            SetFlag(selfService, company.SelfServiceAllowed, value => company.SelfServiceAllowed = value);
            SetFlag(orderApproval, company.OrderApprovalRequired, value => company.OrderApprovalRequired = value);
            if (address is not null && !SameAddress(address, company.Address))
            {
                company.Address = address;
                changed = true;
            }

            if (!changed)
            {
                throw Pax8Errors.Unprocessable(
                    "Invalid company update: at least one parameter has to be modified",
                    [Problem("body", "every value sent equals the current value")]);
            }

            company.UpdatedDate = Now;
            return Pax8Json.Company(company, asListItem: false);
        }
    }

    private JsonNode FindContacts(HttpContext context)
    {
        var paging = Pax8Query.Paging(context.Request);
        lock (store.Sync)
        {
            var company = CompanyFromRoute(context);

            // Newest first, as Pax8 documents.
            var contacts = company.Contacts.OrderByDescending(contact => contact.CreatedDate).ThenByDescending(contact => contact.Sequence).ToList();
            return Pax8Query.PageOf(contacts, paging, Pax8Json.Contact);
        }
    }

    private JsonNode FindContactById(HttpContext context)
    {
        lock (store.Sync)
        {
            return Pax8Json.Contact(ContactFromRoute(context).Contact);
        }
    }

    private JsonNode CreateContact(HttpContext context, JsonObject body)
    {
        lock (store.Sync)
        {
            var company = CompanyFromRoute(context);
            var problems = new List<Pax8ErrorDetail>();
            var input = ReadContact(body, null, problems);
            if (input is null || problems.Count > 0)
            {
                throw Pax8Errors.Unprocessable("Invalid contact", problems);
            }

            var contact = AddContact(company, input);
            company.UpdatedDate = Now;
            return Pax8Json.Contact(contact);
        }
    }

    private JsonNode UpdateContact(HttpContext context, JsonObject body)
    {
        lock (store.Sync)
        {
            var (company, contact) = ContactFromRoute(context);
            var problems = new List<Pax8ErrorDetail>();
            var input = ReadContact(body, null, problems);
            if (input is null || problems.Count > 0)
            {
                throw Pax8Errors.Unprocessable("Invalid contact update", problems);
            }

            // PUT is a full update: the body replaces every field, roles included.
            contact.FirstName = input.FirstName;
            contact.LastName = input.LastName;
            contact.Email = input.Email;
            SetPhone(contact, input.Phone, company.Address.Country);
            contact.Types = input.Types;
            DemoteOtherPrimaries(company, contact);
            UpdateCompanyStatus(company);
            company.UpdatedDate = Now;
            return Pax8Json.Contact(contact);
        }
    }

    private void DeleteContact(HttpContext context)
    {
        lock (store.Sync)
        {
            var (company, contact) = ContactFromRoute(context);
            if (company.Status == "Active" && company.Contacts.Count == 1)
            {
                throw Pax8Errors.Unprocessable(
                    "Invalid contact delete",
                    [Problem("contactId", "an active company must keep at least one contact")]);
            }

            company.Contacts.Remove(contact);
            company.UpdatedDate = Now;
        }
    }

    private (Pax8Company Company, Pax8Contact Contact) ContactFromRoute(HttpContext context)
    {
        var company = CompanyFromRoute(context);
        var contactId = RouteId(context, "contactId", "Contact");
        var contact = company.Contacts.Find(candidate => candidate.Id == contactId)
            ?? throw Pax8Errors.NotFound("Contact", contactId.ToString());
        return (company, contact);
    }

    private Pax8Contact AddContact(Pax8Company company, ContactInput input)
    {
        var contact = new Pax8Contact
        {
            Id = store.NewId(),
            CompanyId = company.Id,
            FirstName = input.FirstName,
            LastName = input.LastName,
            Email = input.Email,
            CreatedDate = store.Today,
            Sequence = store.NextContactSequence(),
            Types = input.Types,
        };
        SetPhone(contact, input.Phone, company.Address.Country);
        company.Contacts.Add(contact);
        DemoteOtherPrimaries(company, contact);
        UpdateCompanyStatus(company);
        return contact;
    }

    private static void SetPhone(Pax8Contact contact, string phone, string country)
    {
        var (phoneNumber, countryCode, callingCode) = Pax8Rules.SplitPhone(phone, country);
        contact.Phone = phone;
        contact.PhoneNumber = phoneNumber;
        contact.PhoneCountryCode = countryCode;
        contact.PhoneCountryCallingCode = callingCode;
    }

    /// <summary>One primary contact per type: a new primary takes the role over from the previous one.</summary>
    private static void DemoteOtherPrimaries(Pax8Company company, Pax8Contact contact)
    {
        foreach (var role in contact.Types.Where(role => role.Primary))
        {
            foreach (var other in company.Contacts.Where(other => other != contact))
            {
                other.Types = [.. other.Types.Select(existing => existing.Type == role.Type ? existing with { Primary = false } : existing)];
            }
        }
    }

    /// <summary>An inactive company becomes Active once it has a primary contact for every type.</summary>
    private static void UpdateCompanyStatus(Pax8Company company)
    {
        if (company.Status == "Inactive"
            && ContactTypes.All(type => company.Contacts.Any(contact => contact.Types.Any(role => role.Type == type && role.Primary))))
        {
            company.Status = "Active";
        }
    }

    private static void RequireText(List<Pax8ErrorDetail> problems, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(Problem(path, path + " is required"));
        }
    }

    private static Pax8Address ReadAddress(JsonObject json, Pax8Address? current, List<Pax8ErrorDetail> problems)
    {
        string? Field(string name) => Pax8Body.String(json, name, "address." + name);
        var country = Field("country") ?? current?.Country;
        if (country is not null && !Regex.IsMatch(country, "^[A-Z]{2}$", RegexOptions.CultureInvariant))
        {
            problems.Add(Problem("address.country", "country must be an ISO 3166-1 alpha-2 code such as US"));
        }

        return new Pax8Address
        {
            Street = Field("street") ?? current?.Street ?? string.Empty,
            Street2 = json.ContainsKey("street2") ? Field("street2") : current?.Street2,
            City = Field("city") ?? current?.City ?? string.Empty,
            StateOrProvince = Field("stateOrProvince") ?? current?.StateOrProvince ?? string.Empty,
            PostalCode = Field("postalCode") ?? current?.PostalCode ?? string.Empty,
            Country = country ?? "US",
        };
    }

    private static bool SameAddress(Pax8Address left, Pax8Address right) =>
        left.Street == right.Street && left.Street2 == right.Street2 && left.City == right.City
        && left.StateOrProvince == right.StateOrProvince && left.PostalCode == right.PostalCode && left.Country == right.Country;

    /// <summary>Validates a contact body: firstName, lastName, email and phone are required on write; types are objects.</summary>
    private static ContactInput? ReadContact(JsonObject json, string? prefix, List<Pax8ErrorDetail> problems)
    {
        string Path(string name) => prefix is null ? name : prefix + "." + name;
        var firstName = Pax8Body.String(json, "firstName", Path("firstName"));
        var lastName = Pax8Body.String(json, "lastName", Path("lastName"));
        var email = Pax8Body.String(json, "email", Path("email"));
        var phone = Pax8Body.String(json, "phone", Path("phone"));
        var count = problems.Count;
        RequireText(problems, Path("firstName"), firstName);
        RequireText(problems, Path("lastName"), lastName);
        RequireText(problems, Path("email"), email);
        RequireText(problems, Path("phone"), phone);
        if (!string.IsNullOrWhiteSpace(email) && !Pax8Body.IsEmail(email))
        {
            problems.Add(Problem(Path("email"), "email must be a valid email address"));
        }

        var types = new List<Pax8ContactRole>();
        if (Pax8Body.Array(json, "types", Path("types")) is { } typesJson)
        {
            for (var index = 0; index < typesJson.Count; index++)
            {
                var path = Path($"types[{index}]");
                if (typesJson[index] is not JsonObject typeJson)
                {
                    problems.Add(Problem(path, "types must be an array of {type, primary} objects, not strings"));
                    continue;
                }

                var type = Pax8Body.String(typeJson, "type", path + ".type");
                if (type is null || !ContactTypes.Contains(type))
                {
                    problems.Add(Problem(path + ".type", "type must be one of " + string.Join(", ", ContactTypes)));
                    continue;
                }

                if (types.Any(existing => existing.Type == type))
                {
                    problems.Add(Problem(path + ".type", "type " + type + " is listed twice"));
                    continue;
                }

                types.Add(new Pax8ContactRole(type, Pax8Body.Boolean(typeJson, "primary", path + ".primary") ?? false));
            }
        }

        return problems.Count > count ? null : new ContactInput(firstName!, lastName!, email!, phone!, types);
    }
}
