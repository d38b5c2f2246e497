using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Tessera.Core.Operations;

namespace Tessera.Core.Drift;

/// <summary>
/// One client's drift log: each (operation, JSON path, kind) is logged once per client, at Information, as event 40
/// <c>ResponseDrift</c> with the structured fields <c>Api</c>, <c>Operation</c>, <c>JsonPath</c>, <c>Kind</c> and
/// <c>Detail</c>. The runtime attaches it to every request, so the reading code finds it.
/// </summary>
public sealed partial class DriftLog
{
    /// <summary>The request option that carries the log to the code that reads the response.</summary>
    public static readonly HttpRequestOptionsKey<DriftLog> RequestOption = new("Tessera.DriftLog");

    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string, string, DriftKind, string), byte> _logged = new();

    /// <summary>Creates the log.</summary>
    /// <param name="logger">Where drift is logged.</param>
    public DriftLog(ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>How many distinct drifts this client has logged.</summary>
    public int Count => _logged.Count;

    internal void Report(OperationDescriptor operation, DriftKind kind, string path, string detail)
    {
        // Bounded like the scope: a server cannot grow this without end.
        if (_logged.Count < 4096 && _logged.TryAdd((operation.OperationId, path, kind, detail), 0))
        {
            Drifted(_logger, operation.Api, operation.OperationId, path, kind, detail);
        }
    }

    [LoggerMessage(EventId = 40, EventName = "ResponseDrift", Level = LogLevel.Information, Message = "{Api} {Operation}: the response drifts from the spec at {JsonPath}: {Kind} ({Detail}). See docs/drift.md to record it as an x-discrepancy.")]
    private static partial void Drifted(ILogger logger, string api, string operation, string jsonPath, DriftKind kind, string detail);
}
