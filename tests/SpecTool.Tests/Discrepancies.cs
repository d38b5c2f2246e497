using SpecTool.Discrepancies;
using SpecTool.Yaml;

namespace SpecTool.Tests;

public sealed class DiscrepancyRegisterTests
{
    [Fact]
    public void Notes_are_located_in_readable_terms()
    {
        var doc = YamlDocument.Parse(new StringReader("""
            info:
              title: T
              x-discrepancy: {id: D0, docs: d, api: a, source: s}
            paths:
              /companies:
                get:
                  parameters:
                    - name: sort
                      x-discrepancy: {id: S5, docs: "a | b", api: "multi\n line", source: s}
            components:
              schemas:
                Company:
                  properties:
                    phone:
                      x-discrepancy:
                        - {id: D3, docs: x, api: y, source: z}
                        - {id: D4, docs: x, api: y, source: z}
                      example:
                        x-discrepancy: {id: IGNORED}
            """));

        var rows = DiscrepancyRegister.Collect(doc);

        rows.Select(r => (r.Id, r.Where)).ShouldBe([
            ("D0", "(document)"),
            ("S5", "GET /companies › parameter `sort`"),
            ("D3", "schema Company.phone"),
            ("D4", "schema Company.phone"),
        ]);
    }

    [Fact]
    public void The_register_escapes_table_cells_and_counts_notes()
    {
        var directory = Directory.CreateTempSubdirectory("register-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "a.yaml"), "info: {title: API A}\npaths:\n  /x:\n    get:\n      x-discrepancy: {id: A1, docs: 'one | two', api: \"multi\\nline\", source: s}\n");
            File.WriteAllText(Path.Combine(directory.FullName, "b.yaml"), "info: {title: API B}\n");

            var register = DiscrepancyRegister.Render(directory.FullName);

            register.ShouldContain("## API A (`specs/a.yaml`, 1 notes)");
            register.ShouldContain("| A1 | GET /x | one \\| two | multi line | s |");
            register.ShouldContain("## API B (`specs/b.yaml`, 0 notes)\n\n_No discrepancies recorded._");
            register.ShouldEndWith("\n1 notes in 2 specs.\n");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
