using System.Text.Json;
using SpecTool.Discrepancies;
using SpecTool.Preparation;
using SpecTool.Yaml;

namespace SpecTool;

/// <summary>
/// <c>SpecTool prepare &lt;spec.yaml&gt; &lt;out.json&gt; [--omit a,b] [--operations out.cs --namespace N --class C [--api A]]</c>:
/// the document NSwag generates from, and the operation catalog of the client.
/// <c>SpecTool discrepancies [--check] [--root dir]</c>: writes (or checks) docs/discrepancies.md.
/// </summary>
internal static class Program
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Main(string[] args)
    {
        try
        {
            return args switch
            {
                ["prepare", var input, var output, .. var rest] => Prepare(input, output, rest),
                ["discrepancies", .. var rest] => Discrepancies(rest.Contains("--check"), Option(rest, "--root") ?? FindRoot()),
                _ => Usage(),
            };
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or YamlDotNet.Core.YamlException)
        {
            // MSBuild shows "error :" lines as build errors naming the spec.
            Console.Error.WriteLine($"error : {exception.Message}");
            return 1;
        }
    }

    private static int Prepare(string input, string output, string[] options)
    {
        var omitted = (Option(options, "--omit") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var document = YamlDocument.Load(input);
        var result = SpecPreparer.Prepare(document, omitted);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, document.ToJsonString(Indented) + "\n");
        if (Option(options, "--operations") is { } catalog)
        {
            var className = Option(options, "--class") ?? throw new InvalidDataException("--operations needs --class.");
            var ns = Option(options, "--namespace") ?? throw new InvalidDataException("--operations needs --namespace.");
            var api = Option(options, "--api") is { Length: > 0 } named ? named : className.EndsWith("Client", StringComparison.Ordinal) ? className[..^"Client".Length] : className;
            File.WriteAllText(catalog, OperationCatalog.Emit(document, ns, className, api, result));
        }

        return 0;
    }

    private static int Discrepancies(bool check, string root)
    {
        var target = Path.Combine(root, "docs", "discrepancies.md");
        var register = DiscrepancyRegister.Render(Path.Combine(root, "specs"));
        if (check)
        {
            if (!File.Exists(target) || File.ReadAllText(target) != register)
            {
                Console.Error.WriteLine("docs/discrepancies.md is out of date: run `dotnet run --project build/SpecTool -- discrepancies` and commit it.");
                return 1;
            }

            Console.WriteLine("docs/discrepancies.md is up to date.");
            return 0;
        }

        File.WriteAllText(target, register);
        Console.WriteLine($"wrote {target}");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new IOException("Run from inside the repository, or pass --root.");
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: SpecTool prepare <spec.yaml> <out.json> [--omit name,name] | SpecTool discrepancies [--check] [--root dir]");
        return 2;
    }
}
