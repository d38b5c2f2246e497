using System.Collections;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Tessera.Core.Diagnostics;

namespace Tessera.Core.Errors;

/// <summary>
/// Explains a JSON path of a failed read: which model member it names and what type that member has (from the model's
/// Json.NET attributes), and what value the body carried there (from the raw body, redacted). Used for
/// <see cref="ResponseReadException"/> messages; never throws.
/// </summary>
internal static class JsonPathMember
{
    /// <summary>For example <c>UsageLine.productId (Guid)</c>; <see langword="null"/> when the path does not name a member of <paramref name="root"/>.</summary>
    public static string? Describe(Type root, string path)
    {
        try
        {
            var type = root;
            string? owner = null;
            string? member = null;
            foreach (var segment in Segments(path))
            {
                if (segment.Index)
                {
                    type = ElementType(type);
                    member = member is null ? null : member + "[]";
                }
                else
                {
                    var property = FindProperty(type, segment.Name);
                    if (property is null)
                    {
                        if (DictionaryValueType(type) is not { } valueType)
                        {
                            return null;
                        }

                        owner = type.Name;
                        member = segment.Name;
                        type = valueType;
                        continue;
                    }

                    owner = type.Name;
                    member = segment.Name;
                    type = property.PropertyType;
                }

                if (type is null)
                {
                    return null;
                }
            }

            return owner is null || member is null ? null : $"{owner}.{member} ({FriendlyName(type)})";
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or AmbiguousMatchException)
        {
            return null;
        }
    }

    /// <summary>
    /// For example <c>the string "e73f3a55-…"</c>, <c>the number 12.0</c>, <c>an object</c>; <see langword="null"/>
    /// when the body is missing, too large to parse again or not JSON up to that path.
    /// </summary>
    public static string? DescribeValue(string? body, string path, int maxBodyLength, int maxValueLength)
    {
        if (string.IsNullOrEmpty(body) || body.Length > maxBodyLength)
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 128 };
            var token = JToken.ReadFrom(reader).SelectToken(path, errorWhenNoMatch: false);
            if (token is null)
            {
                return "nothing (the member is missing)";
            }

            var name = token.Parent is JProperty property ? property.Name : null;
            return token.Type switch
            {
                JTokenType.Object => "an object",
                JTokenType.Array => $"an array of {((JArray)token).Count}",
                JTokenType.Null => "null",
                JTokenType.String => "the string " + Quote(token, name, maxValueLength),
                JTokenType.Integer or JTokenType.Float => "the number " + Quote(token, name, maxValueLength),
                JTokenType.Boolean => "the boolean " + Quote(token, name, maxValueLength),
                _ => token.Type.ToString().ToLowerInvariant(),
            };
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Quote(JToken token, string? name, int maxLength)
    {
        if (SecretRedactor.IsSensitiveByDefault(name))
        {
            return SecretRedactor.Placeholder;
        }

        var text = SecretRedactor.Shared.Redact(token.ToString(Formatting.None));
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
    }

    private static PropertyInfo? FindProperty(Type type, string jsonName)
    {
        PropertyInfo? byName = null;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonPropertyAttribute>() is { PropertyName: { } declared })
            {
                if (string.Equals(declared, jsonName, StringComparison.Ordinal))
                {
                    return property;
                }
            }
            else if (string.Equals(property.Name, jsonName, StringComparison.OrdinalIgnoreCase))
            {
                byName ??= property;
            }
        }

        return byName;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    private static string FriendlyName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return FriendlyName(underlying);
        }

        if (type == typeof(string))
        {
            return "string";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "integer";
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return "number";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(Guid))
        {
            return "UUID";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "date-time";
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && ElementType(type) is { } element)
        {
            return "array of " + FriendlyName(element);
        }

        return type.Name;
    }

    private static IEnumerable<(string Name, bool Index)> Segments(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            switch (path[i])
            {
                case '.':
                    i++;
                    break;
                case '[' when i + 1 < path.Length && path[i + 1] == '\'':
                    {
                        var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                        if (end < 0)
                        {
                            yield break;
                        }

                        yield return (path[(i + 2)..end], false);
                        i = end + 2;
                        break;
                    }

                case '[':
                    {
                        var end = path.IndexOf(']', i);
                        if (end < 0)
                        {
                            yield break;
                        }

                        yield return (string.Empty, true);
                        i = end + 1;
                        break;
                    }

                default:
                    {
                        var end = path.IndexOfAny(['.', '['], i);
                        if (end < 0)
                        {
                            end = path.Length;
                        }

                        yield return (path[i..end], false);
                        i = end;
                        break;
                    }
            }
        }
    }
}
