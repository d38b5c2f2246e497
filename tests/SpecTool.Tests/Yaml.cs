using System.Text.Json.Nodes;
using SpecTool.Yaml;

namespace SpecTool.Tests;

public sealed class YamlDocumentTests
{
    private static JsonObject Parse(string yaml) => YamlDocument.Parse(new StringReader(yaml));

    [Fact]
    public void Plain_scalars_follow_the_core_schema_and_quoted_ones_stay_strings()
    {
        var doc = Parse("""
            int: 86400
            negative: -3
            decimal: 12.5
            exponent: 1e3
            yes: true
            no: false
            nothing: null
            tilde: ~
            quotedInt: '200'
            quotedBool: "true"
            word: hello world
            version: 3.0.3
            """);

        doc["int"]!.GetValue<long>().ShouldBe(86400);
        doc["negative"]!.GetValue<long>().ShouldBe(-3);
        doc["decimal"]!.GetValue<decimal>().ShouldBe(12.5m);
        doc["exponent"]!.GetValue<decimal>().ShouldBe(1000m);
        doc["yes"]!.GetValue<bool>().ShouldBeTrue();
        doc["no"]!.GetValue<bool>().ShouldBeFalse();
        doc["nothing"].ShouldBeNull();
        doc["tilde"].ShouldBeNull();
        doc["quotedInt"]!.GetValue<string>().ShouldBe("200");
        doc["quotedBool"]!.GetValue<string>().ShouldBe("true");
        doc["word"]!.GetValue<string>().ShouldBe("hello world");
        doc["version"]!.GetValue<string>().ShouldBe("3.0.3");
    }

    [Fact]
    public void A_timestamp_is_kept_exactly_as_written()
    {
        Parse("example: 2024-12-20T17:53:50.460+00:00")["example"]!.GetValue<string>().ShouldBe("2024-12-20T17:53:50.460+00:00");
    }

    [Fact]
    public void Anchors_and_aliases_are_expanded_into_independent_copies()
    {
        var doc = Parse("""
            a: &note
              id: S1
              docs: one
            b: *note
            """);

        doc["b"]!["id"]!.GetValue<string>().ShouldBe("S1");
        doc["a"]!.ShouldNotBeSameAs(doc["b"]);
    }

    [Fact]
    public void Block_scalars_keep_their_text()
    {
        Parse("description: |\n  line one\n  line two\n")["description"]!.GetValue<string>().ShouldBe("line one\nline two\n");
    }

    [Fact]
    public void Merge_keys_are_refused_with_a_clear_error()
    {
        Should.Throw<InvalidDataException>(() => Parse("base: &b\n  x: 1\nchild:\n  <<: *b\n")).Message.ShouldContain("Merge keys");
    }
}
