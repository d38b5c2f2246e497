using System.Reflection;
using System.Text;

namespace Tessera.Testing;

/// <summary>
/// A deterministic listing of an assembly's public surface (types, members, signatures, JSON
/// names) in C#-like text: the reviewable artefact for generated API changes.
/// </summary>
public static class PublicApiDump
{
    public static string Dump(Assembly assembly, Func<Type, bool>? include = null)
    {
        var text = new StringBuilder();
        var types = assembly.GetExportedTypes().Where(t => include?.Invoke(t) ?? true).OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type));
            var bases = new List<string>();
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            {
                bases.Add(Name(baseType));
            }

            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(i => Name(i)).OrderBy(n => n, StringComparer.Ordinal));
            if (bases.Count > 0)
            {
                text.Append(" : ").Append(string.Join(", ", bases));
            }

            text.Append('\n');
            foreach (var member in Members(type))
            {
                text.Append("    ").Append(member).Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            return Enum.GetNames(type).Select(n => $"{n} = {Convert.ToInt64(Enum.Parse(type, n), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        var members = new List<string>();
        foreach (var ctor in type.GetConstructors(flags))
        {
            members.Add($"ctor({Parameters(ctor)})");
        }

        foreach (var property in type.GetProperties(flags))
        {
            var json = property.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name == "JsonPropertyAttribute");
            var jsonName = json?.GetType().GetProperty("PropertyName")?.GetValue(json) as string;
            var isStatic = property.GetMethod?.IsStatic == true ? "static " : string.Empty;
            members.Add($"{isStatic}{Name(property.PropertyType, property)} {property.Name} {{ {(property.CanRead ? "get; " : string.Empty)}{(property.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}}{(jsonName is null ? string.Empty : $" [json: {jsonName}]")}");
        }

        foreach (var method in type.GetMethods(flags).Where(m => !m.IsSpecialName))
        {
            var modifiers = method.IsStatic ? "static " : method.IsVirtual && !method.IsFinal ? "virtual " : string.Empty;
            members.Add($"{modifiers}{Name(method.ReturnType, method.ReturnParameter)} {method.Name}{(method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty)}({Parameters(method)})");
        }

        foreach (var field in type.GetFields(flags).Where(f => !f.IsSpecialName))
        {
            members.Add($"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{Name(field.FieldType)} {field.Name}");
        }

        return members.OrderBy(m => m, StringComparer.Ordinal);
    }

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        $"{Name(p.ParameterType, p)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static string Kind(Type type) =>
        type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Name(Type type, ICustomAttributeProvider? nullabilitySource = null)
    {
        var nullable = string.Empty;
        if (nullabilitySource is not null && !type.IsValueType)
        {
            var context = new NullabilityInfoContext();
            var state = nullabilitySource switch
            {
                PropertyInfo p => context.Create(p).ReadState,
                ParameterInfo p => context.Create(p).ReadState,
                _ => NullabilityState.Unknown,
            };
            nullable = state == NullabilityState.Nullable ? "?" : string.Empty;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsGenericType)
        {
            var name = type.FullName is null ? type.Name : type.GetGenericTypeDefinition().FullName!;
            name = name[..name.IndexOf('`', StringComparison.Ordinal)];
            return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(a => Name(a)))}>{nullable}";
        }

        return (type.FullName ?? type.Name).Replace('+', '.') + nullable;
    }
}
