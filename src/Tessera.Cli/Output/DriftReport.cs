using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Spectre.Console;
using Tessera.Core.Drift;

namespace Tessera.Cli.Output;

/// <summary>
/// <c>--report-drift</c>: listens to the clients' drift counter while a command runs and prints, after it, one row per
/// (operation, JSON path, kind) the responses carried that the spec does not describe, on stderr (stdout stays the
/// command's result, <c>--json</c> included).
/// </summary>
internal sealed class DriftReport : IDisposable
{
    public static readonly System.CommandLine.Option<bool> Option = new("--report-drift")
    {
        Description = "After the call, list what the responses carried that the spec does not describe (unknown members, enum values, tolerated types).",
        Recursive = true,
    };

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Api, string Operation, string Path, string Kind, string Detail), long> _rows = new();

    public DriftReport()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WireDrift.MeterName && instrument.Name == WireDrift.CounterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string api = "", operation = "", path = "", kind = "", detail = "";
            foreach (var tag in tags)
            {
                var text = tag.Value?.ToString() ?? string.Empty;
                switch (tag.Key)
                {
                    case "tessera.api": api = text; break;
                    case "tessera.operation_id": operation = text; break;
                    case "json.path": path = text; break;
                    case "tessera.drift.kind": kind = text; break;
                    case "tessera.drift.detail": detail = text; break;
                }
            }

            _rows.AddOrUpdate((api, operation, path, kind, detail), value, (_, count) => count + value);
        });
        _listener.Start();
    }

    public void Write()
    {
        _listener.Dispose();
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(Console.Error) });
        if (_rows.IsEmpty)
        {
            error.WriteLine("drift: none (every response matched the spec)");
            return;
        }

        var table = new Table().AddColumns("API", "Operation", "JSON path", "Kind", "Detail", "Responses");
        foreach (var ((api, operation, path, kind, detail), count) in _rows.OrderBy(r => r.Key.Api, StringComparer.Ordinal).ThenBy(r => r.Key.Operation, StringComparer.Ordinal).ThenBy(r => r.Key.Path, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(api), Markup.Escape(operation), Markup.Escape(path), Markup.Escape(kind), Markup.Escape(Tessera.Core.Diagnostics.SecretRedactor.Shared.Redact(detail)), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        error.WriteLine("drift: what the responses carried that the spec does not describe (docs/drift.md)");
        error.Write(table);
    }

    public void Dispose() => _listener.Dispose();
}
