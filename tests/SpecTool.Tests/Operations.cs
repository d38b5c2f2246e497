using System.Text.Json.Nodes;
using SpecTool.Preparation;
using SpecTool.Yaml;

namespace SpecTool.Tests;

public sealed class OperationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        security:
          - OAuth2: []
        x-paging-styles:
          numbered:
            in: query
            parameter: page
            first: 0
            items: content
            number: page.number
            totalPages: page.totalPages
            totalItems: page.totalElements
        paths:
          /token:
            post:
              operationId: createAccessToken
              x-issues-credentials: true
              x-safe-to-retry: true
              security: [{}]
              responses: {'200': {description: ok}}
          /companies:
            get:
              operationId: findCompanies
              x-paging: numbered
              parameters:
                - $ref: '#/components/parameters/page'
                - name: size
                  in: query
                  schema: {type: integer, minimum: 1, maximum: 200}
                - name: sort
                  in: query
                  x-sort: {type: CompanySort, fields: [name, postal_code]}
                  schema: {type: string, pattern: '^(name|postal_code)(,(asc|desc))?$'}
                - name: status
                  in: query
                  schema: {$ref: '#/components/schemas/Status'}
                - name: since
                  in: query
                  schema: {type: string, pattern: '^\d+$', x-codegen: {type: string, format: date-time}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/CompanyPage'}
          /companies/{companyId}:
            post:
              operationId: updateCompany
              parameters:
                - {name: companyId, in: path, required: true, schema: {type: string}}
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CompanyUpdate'}
              responses: {'200': {description: ok}}
        components:
          securitySchemes:
            OAuth2: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://x/token', scopes: {}}}}
          parameters:
            page: {name: page, in: query, schema: {type: integer, minimum: 0}}
          schemas:
            Status: {type: string, enum: [Active, Inactive]}
            Company: {type: object, properties: {name: {type: string}}}
            Page: {type: object, properties: {number: {type: integer}, totalPages: {type: integer}, totalElements: {type: integer}}}
            CompanyPage:
              type: object
              properties:
                content: {type: array, items: {$ref: '#/components/schemas/Company'}}
                page: {$ref: '#/components/schemas/Page'}
            CompanyUpdate:
              allOf:
                - type: object
                  properties:
                    country_code: {type: string, pattern: '^[A-Z]{2}$', x-invalid-message: must be two capitals}
                - type: object
                  properties:
                    seats: {type: integer, minimum: 0, exclusiveMinimum: true}
                    note: {type: string, maxLength: 10}
        """;

    private static (JsonObject Document, PreparationResult Result) Prepared()
    {
        var document = YamlDocument.Parse(new StringReader(Spec));
        return (document, SpecPreparer.Prepare(document, new HashSet<string>()));
    }

    [Fact]
    public void Paging_is_resolved_into_member_paths_the_template_uses()
    {
        var (document, result) = Prepared();
        var operation = document["paths"]!["/companies"]!["get"]!;

        result.Paging["findCompanies"].ItemType.ShouldBe("Company");
        operation["x-paging-item"]!.GetValue<string>().ShouldBe("Company");
        operation["x-paging-in"]!.GetValue<string>().ShouldBe("query");
        operation["x-paging-items"]!.GetValue<string>().ShouldBe("r_?.Content");
        operation["x-paging-number"]!.GetValue<string>().ShouldBe("r_?.Page?.Number");
        operation["x-paging-total-items"]!.GetValue<string>().ShouldBe("r_?.Page?.TotalElements");
        operation["x-paging-first"]!.GetValue<string>().ShouldBe("0");
        operation["x-paging-size"]!.GetValue<string>().ShouldBe("null");
    }

    [Theory]
    [InlineData("items: contents", "items 'contents'")]
    [InlineData("parameter: pageNumber", "query parameter 'pageNumber'")]
    [InlineData("totalPages: pages.total", "totalPages 'pages.total'")]
    public void A_paging_style_that_names_missing_members_fails_the_build(string change, string expected)
    {
        var key = change.Split(':')[0];
        var spec = System.Text.RegularExpressions.Regex.Replace(Spec, $"(?m)^    {key}: .*$", "    " + change);

        var exception = Should.Throw<InvalidDataException>(() => SpecPreparer.Prepare(YamlDocument.Parse(new StringReader(spec)), new HashSet<string>()));

        exception.Message.ShouldContain("findCompanies");
        exception.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_sort_parameter_gets_a_typed_sort_of_every_field_and_direction()
    {
        var (document, result) = Prepared();
        var sort = document["components"]!["schemas"]!["CompanySort"]!;

        sort["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["name,asc", "name,desc", "postal_code,asc", "postal_code,desc"]);
        sort["x-enumNames"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["NameAscending", "NameDescending", "PostalCodeAscending", "PostalCodeDescending"]);
        var parameter = document["paths"]!["/companies"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "sort")!;
        parameter["schema"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/CompanySort");
        parameter.AsObject().ContainsKey("x-checked").ShouldBeFalse("a typed sort accepts any text");
        result.Sorts["CompanySort"].Fields.ShouldBe(["name", "postal_code"]);
    }

    [Fact]
    public void Constrained_parameters_are_inlined_marked_and_collected_but_wire_unions_are_not()
    {
        var (document, result) = Prepared();
        var parameters = document["paths"]!["/companies"]!["get"]!["parameters"]!.AsArray();

        parameters[0]!["name"]!.GetValue<string>().ShouldBe("page", "the $ref parameter became a copy");
        parameters.Where(p => p!["x-checked"] is not null).Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["page", "size", "status"]);
        var constraints = result.Constraints["findCompanies"].Parameters;
        constraints.Single(c => c.Name == "size").ShouldSatisfyAllConditions(c => c.Minimum.ShouldBe(1m), c => c.Maximum.ShouldBe(200m));
        constraints.Single(c => c.Name == "status").Allowed.ShouldBe(["Active", "Inactive"]);
        constraints.ShouldNotContain(c => c.Name == "since");
    }

    [Fact]
    public void Body_constraints_come_from_every_part_of_the_request_schema()
    {
        var (_, result) = Prepared();

        var body = result.Constraints["updateCompany"].Body;

        body.Select(c => c.Name).ShouldBe(["country_code", "seats", "note"], ignoreOrder: true);
        body.Single(c => c.Name == "country_code").Message.ShouldBe("must be two capitals");
        body.Single(c => c.Name == "seats").ExclusiveMinimum.ShouldBeTrue();
        body.Single(c => c.Name == "note").MaxLength.ShouldBe(10);
    }

    [Fact]
    public void The_catalog_states_authentication_retry_safety_credentials_paging_and_constraints()
    {
        var (document, result) = Prepared();

        var code = OperationCatalog.Emit(document, "Acme", "AcmeClient", "Acme", result);

        code.ShouldContain("public static partial class AcmeClientOperations");
        Descriptor(code, "CreateAccessToken").ShouldSatisfyAllConditions(
            d => d.ShouldContain("OperationAuthentication.None"),
            d => d.ShouldContain("safeToRetry: true"),
            d => d.ShouldContain("issuesCredentials: true"));
        Descriptor(code, "FindCompanies").ShouldSatisfyAllConditions(
            d => d.ShouldContain("OperationAuthentication.Bearer"),
            d => d.ShouldContain("pageItemType: typeof(global::Acme.Company)"),
            d => d.ShouldContain("new(@\"size\", minimum: 1m, maximum: 200m)"));
        code.ShouldContain("public readonly partial struct CompanySort");
        code.ShouldContain("public static class PostalCode");
        code.ShouldContain("public static CompanySort Descending => CompanySort.PostalCodeDescending;");
    }

    [Fact]
    public void Injected_fields_are_recorded_per_operation_with_where_they_went()
    {
        var document = YamlDocument.Parse(new StringReader("""
            paths:
              /invoices:
                get:
                  operationId: getInvoices
                  parameters: [{name: token, in: query, schema: {type: string}}]
                post:
                  operationId: createInvoice
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {token: {type: string}, price: {type: number}}}
            components: {schemas: {}}
            """));

        var result = SpecPreparer.Prepare(document, new HashSet<string> { "token" });

        result.Injected["getInvoices"].ShouldBe([new InjectedFields.Field("token", "query")]);
        result.Injected["createInvoice"].ShouldBe([new InjectedFields.Field("token", "body")]);
    }

    private static string Descriptor(string code, string name)
    {
        var start = code.IndexOf($"OperationDescriptor {name} = new(", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, name);
        return code[start..code.IndexOf(");", start, StringComparison.Ordinal)];
    }
}
