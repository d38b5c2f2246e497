using System.Collections;
using System.Globalization;
using System.Reflection;
using Tessera.Core.Diagnostics;
using Tessera.Core.Serialization;
using Newtonsoft.Json;
using Spectre.Console;

namespace Tessera.Cli.Output;

/// <summary>
/// Writes results as one JSON document (<c>--json</c>) or as tables for people, and errors as one line on stderr.
/// Everything printed passes the process's redactor: registered secrets (client secrets, api keys, every token the
/// clients handed out) never appear, even when a server echoes them; error text also loses the values of sensitive
/// names (<c>token=…</c>, <c>"client_secret": …</c>).
/// </summary>
internal static class CliOutput
{
    private const int MaxColumns = 7;

    public static void Write(object? result, bool json)
    {
        if (json)
        {
            var settings = ClientJsonSettings.Create();
            settings.Formatting = Formatting.Indented;
            Console.Out.WriteLine(SecretRedactor.Shared.Redact(JsonConvert.SerializeObject(result, settings)));
            return;
        }

        switch (result)
        {
            case null:
                AnsiConsole.MarkupLine("[green]Done.[/]");
                break;
            case IEnumerable items when result is not string:
                WriteTable(items.Cast<object>().ToList());
                break;
            default:
                WriteRecord(result);
                break;
        }
    }

    public static void WriteTable(IReadOnlyList<object> items)
    {
        if (items.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey](no items)[/]");
            return;
        }

        // Ids of related records make tables unreadable; the record's own id stays.
        var columns = ScalarProperties(items[0].GetType())
            .Where(p => p.Name == "Id" || !IsRelatedId(p))
            .Take(MaxColumns)
            .ToList();
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column.Name));
        }

        foreach (var item in items)
        {
            table.AddRow(columns.Select(c => Markup.Escape(Format(c.GetValue(item)))).ToArray());
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{items.Count} item(s)[/]");
    }

    /// <summary>A table of chosen columns, for output meant to be read rather than processed.</summary>
    public static void WriteTable<T>(IEnumerable<T> items, params (string Header, Func<T, object?> Value)[] columns)
    {
        var rows = items.ToList();
        if (rows.Count == 0)
        {
            AnsiConsole.MarkupLine("[grey](no items)[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var (header, _) in columns)
        {
            table.AddColumn(Markup.Escape(header));
        }

        foreach (var row in rows)
        {
            table.AddRow(columns.Select(c => Markup.Escape(Format(c.Value(row)))).ToArray());
        }

        AnsiConsole.Write(table);
    }

    public static void WriteRecord(object record)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        foreach (var property in ScalarProperties(record.GetType()))
        {
            table.AddRow(Markup.Escape(property.Name), Markup.Escape(Format(property.GetValue(record))));
        }

        AnsiConsole.Write(table);
    }

    public static void Error(string message) =>
        Console.Error.WriteLine("error: " + SecretRedactor.Shared.RedactBody(message ?? string.Empty, mediaType: null).ReplaceLineEndings(" "));

    /// <summary>
    /// Writes a failed call's response body to stderr, redacted (secrets and sensitive members), for <c>--verbose</c>:
    /// the error line says what failed, this shows what came.
    /// </summary>
    /// <param name="exception">The failure.</param>
    public static void ResponseBody(Tessera.Core.Errors.ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (string.IsNullOrEmpty(exception.Response))
        {
            return;
        }

        if (exception.Response.Length > Tessera.Core.Errors.ApiException.MaxRedactedBodyLength)
        {
            Console.Error.WriteLine($"response body: {exception.Response.Length:N0} characters, too large to show redacted");
            return;
        }

        var mediaType = exception.Headers.TryGetValue("Content-Type", out var values) ? values.FirstOrDefault()?.Split(';')[0].Trim() : null;
        Console.Error.WriteLine("response body (redacted):");
        Console.Error.WriteLine(SecretRedactor.Shared.RedactBody(exception.Response, mediaType));
    }

    private static IEnumerable<PropertyInfo> ScalarProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => IsScalar(p.PropertyType));

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type.IsEnum
            || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>));
    }

    private static string Format(object? value) => SecretRedactor.Shared.Redact(FormatValue(value));

    private static string FormatValue(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // Pax8 ids are strings (usually UUIDs, not always), so a Pax8 reference is recognised by its name: a
    // "...Id" property of a Pax8 model other than the ids a partner or vendor assigns (ExternalId, Vendor...Id).
    private static bool IsRelatedId(PropertyInfo property) =>
        (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(Guid)
        || (property.PropertyType == typeof(string)
            && property.DeclaringType?.Namespace == typeof(Tessera.Pax8.Pax8Client).Namespace
            && property.Name.EndsWith("Id", StringComparison.Ordinal)
            && !property.Name.StartsWith("External", StringComparison.Ordinal)
            && !property.Name.StartsWith("Vendor", StringComparison.Ordinal));
}
