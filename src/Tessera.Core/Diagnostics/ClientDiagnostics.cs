using System.Diagnostics;

namespace Tessera.Core.Diagnostics;

/// <summary>
/// The tracing source of the generated clients. Subscribe to <see cref="ActivitySourceName"/> (for example with
/// OpenTelemetry's <c>AddSource</c>) to collect their spans.
/// </summary>
public static class ClientDiagnostics
{
    /// <summary>The name of <see cref="ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Tessera";

    /// <summary>The source of every client span.</summary>
    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
