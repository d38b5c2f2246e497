using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;

namespace Tessera.Core.Validation;

/// <summary>
/// Checks a request body's members against the spec's constraints (emitted per operation by the build), reading each
/// member by its wire name through accessors built once per type.
/// </summary>
public static class BodyConstraints
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Accessors = new();

    /// <summary>Checks every constrained member of <paramref name="body"/>.</summary>
    /// <param name="body">The request body (a generated model); <see langword="null"/> passes.</param>
    /// <param name="constraints">The constraints, by wire name.</param>
    /// <exception cref="ArgumentException">A member breaks a constraint; <see cref="ArgumentException.ParamName"/> is its wire name.</exception>
    public static void Check(object? body, IReadOnlyList<ParameterConstraint> constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        if (body is null || constraints.Count == 0)
        {
            return;
        }

        var type = body.GetType();
        foreach (var constraint in constraints)
        {
            var accessor = Accessors.GetOrAdd((type, constraint.Name), static key => FindAccessor(key.Item1, key.Item2));
            if (accessor is not null)
            {
                constraint.Check(accessor(body));
            }
        }
    }

    private static Func<object, object?>? FindAccessor(Type type, string wireName)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var json = property.GetCustomAttribute<JsonPropertyAttribute>();
            if (string.Equals(json?.PropertyName ?? property.Name, wireName, StringComparison.Ordinal) && property.GetMethod is { } getter)
            {
                if (getter.IsStatic)
                {
                    return null;
                }

                // Compiled once per type and member: PropertyInfo.GetValue on every request was a measurable part of a
                // form POST (a reflection invoke per constrained member).
                var target = System.Linq.Expressions.Expression.Parameter(typeof(object), "target");
                var read = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(target, type), property);
                return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(System.Linq.Expressions.Expression.Convert(read, typeof(object)), target).Compile();
            }
        }

        return null;
    }
}
