namespace Tessera.Core.Serialization;

/// <summary>
/// Implemented by a Json.NET converter of the clients that System.Text.Json can stand in for when a response is read
/// (<see cref="MirroredSystemTextJsonReader"/>): it names the System.Text.Json converter that reads exactly the
/// values this converter reads without recording drift, to the same result, and throws on every other input (which
/// then goes to Json.NET and this converter, so tolerance and drift reports are unchanged).
/// </summary>
/// <remarks>
/// A Json.NET converter without this interface keeps every type that reaches it on Json.NET: the mirror is used
/// only where it is exact.
/// </remarks>
public interface ISystemTextJsonReadMirror
{
    /// <summary>The System.Text.Json reader for <paramref name="typeToConvert"/>.</summary>
    /// <param name="typeToConvert">The type this Json.NET converter would read (never a <see cref="Nullable{T}"/>).</param>
    /// <param name="converter">
    /// The converter; <see langword="null"/> when System.Text.Json's built-in reading of the type is the exact
    /// strict subset (for example: a converter that also accepts strings for numbers, with a drift report).
    /// </param>
    /// <returns><see langword="false"/> when no System.Text.Json reading is exact: the type stays on Json.NET.</returns>
    bool TryGetSystemTextJsonReader(Type typeToConvert, out System.Text.Json.Serialization.JsonConverter? converter);
}
