using System.Text.Json.Nodes;
using SpecTool.Preparation;
using SpecTool.Yaml;

namespace SpecTool.Tests;

public sealed class PreparationTests
{
    private static JsonObject Parse(string yaml) => YamlDocument.Parse(new StringReader(yaml));

    [Fact]
    public void X_csharp_name_renames_the_schema_and_every_reference_to_it()
    {
        var document = Parse("""
            paths:
              /invoices:
                get:
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Invoice'}}
            components:
              schemas:
                Invoice:
                  x-csharp-name: SmartPayInvoice
                  type: object
                  properties:
                    lines: {type: array, items: {$ref: '#/components/schemas/Line'}}
                    next: {$ref: '#/components/schemas/Invoice'}
                Line: {type: object}
            """);

        TypeNames.Apply(document);

        var schemas = document["components"]!["schemas"]!.AsObject();
        schemas.Select(p => p.Key).ShouldBe(["SmartPayInvoice", "Line"]);
        schemas["SmartPayInvoice"]!.AsObject().ContainsKey("x-csharp-name").ShouldBeFalse();
        schemas["SmartPayInvoice"]!["properties"]!["next"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/SmartPayInvoice");
        schemas["SmartPayInvoice"]!["properties"]!["lines"]!["items"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/Line");
        document["paths"]!["/invoices"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["items"]!["$ref"]!
            .GetValue<string>().ShouldBe("#/components/schemas/SmartPayInvoice");
    }

    [Theory]
    [InlineData("{Invoice: {x-csharp-name: 'Smart Pay'}}")]
    [InlineData("{Invoice: {x-csharp-name: Line}, Line: {type: object}}")]
    public void X_csharp_name_must_be_a_free_identifier(string schemas)
    {
        var document = Parse("components: {schemas: " + schemas + "}");

        Should.Throw<InvalidOperationException>(() => TypeNames.Apply(document)).Message.ShouldContain("x-csharp-name");
    }

    [Fact]
    public void A_date_or_date_time_union_becomes_a_date_time_string()
    {
        var node = Parse("""
            anyOf:
              - type: string
                format: date-time
              - type: string
                format: date
            description: kept
            """);

        DateUnions.Apply(node);

        node.ContainsKey("anyOf").ShouldBeFalse();
        node["type"]!.GetValue<string>().ShouldBe("string");
        node["format"]!.GetValue<string>().ShouldBe("date-time");
        node["description"]!.GetValue<string>().ShouldBe("kept");
    }

    [Theory]
    [InlineData("[{type: string, format: date}]")]
    [InlineData("[{type: string, format: date-time}, {type: integer}]")]
    [InlineData("[{type: string, format: date-time}, {type: string, format: uuid}]")]
    public void Other_unions_are_left_alone(string branches)
    {
        var node = Parse("oneOf: " + branches);

        DateUnions.IsDateUnion(node).ShouldBeFalse();
        DateUnions.Apply(node);
        node.ContainsKey("oneOf").ShouldBeTrue();
    }

    [Fact]
    public void An_x_codegen_shape_replaces_the_wire_union()
    {
        var node = Parse("""
            oneOf:
              - type: boolean
              - type: string
                enum: ['true', 'false', '1', '0']
            pattern: ^x$
            x-codegen:
              type: boolean
            description: A flag.
            """);

        CodegenShapes.Apply(node);

        node.ContainsKey("oneOf").ShouldBeFalse();
        node.ContainsKey("pattern").ShouldBeFalse();
        node.ContainsKey("x-codegen").ShouldBeFalse();
        node["type"]!.GetValue<string>().ShouldBe("boolean");
        node.ContainsKey("format").ShouldBeFalse();
        node["description"]!.GetValue<string>().ShouldBe("A flag.");
    }

    [Fact]
    public void Enum_spellings_collapse_to_the_first_and_members_get_pascal_case_names()
    {
        var node = Parse("enum: [Pax8 Partner, Pax8Partner, pax8_partner, One-Time, 3-Year, '']");

        EnumNames.Apply(node);

        node["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["Pax8 Partner", "One-Time", "3-Year", ""]);
        node["x-enumNames"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["Pax8Partner", "OneTime", "_3Year", "Empty"]);
    }

    [Fact]
    public void Names_the_spec_gives_stay_aligned_with_their_values_after_collapsing()
    {
        var node = Parse("""
            enum: [monthly, Monthly, annual]
            x-enumNames: [EveryMonth, Duplicate, EveryYear]
            """);

        EnumNames.Apply(node);

        node["x-enumNames"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["EveryMonth", "EveryYear"]);
    }

    [Fact]
    public void Numeric_enums_are_left_alone()
    {
        var node = Parse("enum: [1, 2]");

        EnumNames.Apply(node);

        node.ContainsKey("x-enumNames").ShouldBeFalse();
    }

    [Fact]
    public void A_body_that_may_be_a_form_or_json_is_generated_as_a_form()
    {
        var doc = Parse("""
            paths:
              /a:
                post:
                  requestBody:
                    content:
                      application/x-www-form-urlencoded: {schema: {type: object}}
                      application/json: {schema: {type: object}}
              /b:
                post:
                  requestBody:
                    content:
                      application/json: {schema: {type: object}}
            """);

        FormBodies.Apply(doc);

        doc["paths"]!["/a"]!["post"]!["requestBody"]!["content"]!.AsObject().Select(p => p.Key).ShouldBe(["application/x-www-form-urlencoded"]);
        doc["paths"]!["/b"]!["post"]!["requestBody"]!["content"]!.AsObject().ContainsKey("application/json").ShouldBeTrue();
    }

    [Fact]
    public void Injected_fields_leave_parameters_and_request_schemas_but_not_path_parameters_or_responses()
    {
        var doc = Parse("""
            paths:
              /invoices/{token}:
                parameters:
                  - {name: token, in: path, required: true, schema: {type: string}}
                get:
                  parameters:
                    - $ref: '#/components/parameters/Token'
                    - {name: status, in: query, schema: {type: string}}
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Create'}
                  responses:
                    '200':
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Invoice'}
            components:
              parameters:
                Token: {name: token, in: query, schema: {type: string}}
              schemas:
                Create:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      required: [price, token]
                      properties:
                        price: {type: number}
                        token: {type: string}
                Base:
                  type: object
                  required: [token]
                  properties:
                    token: {type: string}
                    currency: {type: string}
                Invoice:
                  type: object
                  properties:
                    token: {type: string}
            """);

        InjectedFields.Apply(doc, new HashSet<string> { "token" });

        var path = doc["paths"]!["/invoices/{token}"]!;
        path["parameters"]!.AsArray().Count.ShouldBe(1, "a path parameter is never omitted");
        path["get"]!["parameters"]!.AsArray().Select(p => p!["name"]?.GetValue<string>()).ShouldBe(["status"]);
        var schemas = doc["components"]!["schemas"]!;
        schemas["Base"]!["properties"]!.AsObject().ContainsKey("token").ShouldBeFalse();
        schemas["Base"]!.AsObject().ContainsKey("required").ShouldBeFalse("an emptied required list is removed");
        schemas["Create"]!["allOf"]![1]!["properties"]!.AsObject().ContainsKey("token").ShouldBeFalse();
        schemas["Create"]!["allOf"]![1]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["price"]);
        schemas["Invoice"]!["properties"]!.AsObject().ContainsKey("token").ShouldBeTrue("response schemas keep the field");
    }

    [Fact]
    public void The_whole_preparation_maps_nested_schemas()
    {
        var doc = Parse("""
            components:
              schemas:
                Page:
                  type: object
                  properties:
                    when:
                      oneOf: [{type: string, format: date-time}, {type: string, format: date}]
                    kind: {type: string, enum: [a-b, A_B]}
            """);

        SpecPreparer.Prepare(doc, new HashSet<string>());

        var properties = doc["components"]!["schemas"]!["Page"]!["properties"]!;
        properties["when"]!["format"]!.GetValue<string>().ShouldBe("date-time");
        properties["kind"]!["enum"]!.AsArray().Count.ShouldBe(1);
    }
}
