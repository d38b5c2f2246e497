namespace SpecTool.Preparation;

/// <summary>
/// The C# names the generated code gives spec names, so that what the spec tool emits lines up with what NSwag and the
/// templates generate (a mismatch is a compile error, never a silent one).
/// </summary>
internal static class CSharpNames
{
    /// <summary>A property: snake_case becomes PascalCase (build/nswag/templates/Class.liquid), otherwise the first letter is upper case.</summary>
    public static string Member(string wireName)
    {
        if (wireName.Contains('_', StringComparison.Ordinal) && !wireName.StartsWith('_'))
        {
            return string.Concat(wireName.Split('_').Select(Capitalize));
        }

        return Capitalize(wireName);
    }

    /// <summary>A dotted wire path (<c>page.totalPages</c>) as a member path (<c>Page.TotalPages</c>).</summary>
    public static string MemberPath(string wirePath) => string.Join('.', wirePath.Split('.').Select(Member));

    /// <summary>An operation method: the operation id with an upper-case first letter (NSwag's SingleClientFromOperationId).</summary>
    public static string Operation(string operationId) => Capitalize(operationId);

    private static string Capitalize(string part) => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..];
}
