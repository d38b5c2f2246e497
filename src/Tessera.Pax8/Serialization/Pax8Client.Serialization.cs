using Tessera.Core.Serialization;

namespace Tessera.Pax8;

/// <content>
/// Lenient reading of Pax8's dates (offsets without a colon, date-only values; discrepancy D15). Error bodies are read
/// as text, so every error carries the raw response; success bodies are deserialized from a pooled buffer
/// (build/nswag/templates/Client.Class.ReadObjectResponse.liquid, docs/performance.md).
/// </content>
public partial class Pax8Client
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => ClientJsonSettings.Apply(settings);
}
